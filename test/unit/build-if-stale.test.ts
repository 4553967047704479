/** `npm start` / `serve` / `dev` rebuild only what is out of date (electron/cli/build-if-stale.ts). */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildIfStale, buildTargets, staleReason, type BuildTarget } from '../../electron/cli/build-if-stale';
import { removeTempDirs, tempDir } from '../fixtures/content';

afterAll(removeTempDirs);
vi.spyOn(console, 'log').mockImplementation(() => {});

const target: BuildTarget = { name: 'content database', outputs: ['resources/content.db'], inputs: ['db'], ignore: ['db/notes'], command: 'build it' };
const at = (root: string, path: string, seconds: number) => utimesSync(join(root, path), seconds, seconds);

function project(): string {
  const root = tempDir('kiosk-stale-');
  mkdirSync(join(root, 'db/content/kyphoplasty'), { recursive: true });
  mkdirSync(join(root, 'db/notes'), { recursive: true });
  mkdirSync(join(root, 'resources'), { recursive: true });
  writeFileSync(join(root, 'db/content/kyphoplasty/en.json'), '{}');
  writeFileSync(join(root, 'db/notes/todo.txt'), 'later');
  at(root, 'db/content/kyphoplasty/en.json', 1_000);
  at(root, 'db/notes/todo.txt', 1_000);
  return root;
}

/** A build that writes its outputs, recording the commands it ran. */
function recorder(root: string) {
  const ran: string[] = [];
  return {
    ran,
    run: (command: string) => {
      ran.push(command);
      writeFileSync(join(root, 'resources/content.db'), 'built');
    },
  };
}

describe('build-if-stale', () => {
  it('builds when the output is missing, then skips when nothing changed', () => {
    const root = project();
    expect(staleReason(root, target)).toBe('resources/content.db does not exist');
    const first = recorder(root);
    expect(buildIfStale(root, [target], first.run)).toEqual(['content database']);
    expect(first.ran).toEqual(['build it']);

    const second = recorder(root);
    expect(buildIfStale(root, [target], second.run)).toEqual([]);
    expect(second.ran).toEqual([]);
  });

  it('rebuilds when a content file is newer than the database, and names that file', () => {
    const root = project();
    writeFileSync(join(root, 'resources/content.db'), 'old');
    at(root, 'resources/content.db', 2_000);
    expect(staleReason(root, target)).toBeNull();

    at(root, 'db/content/kyphoplasty/en.json', 3_000);
    expect(staleReason(root, target)).toBe('db/content/kyphoplasty/en.json is newer than resources/content.db');
    const build = recorder(root);
    expect(buildIfStale(root, [target], build.run)).toEqual(['content database']);
    expect(staleReason(root, target)).toBeNull();
  });

  it('ignores folders that do not feed the build', () => {
    const root = project();
    writeFileSync(join(root, 'resources/content.db'), 'old');
    at(root, 'resources/content.db', 2_000);
    at(root, 'db/notes/todo.txt', 3_000);
    expect(staleReason(root, target)).toBeNull();
  });

  it('compares with the oldest output, so a half-finished build is redone', () => {
    const root = project();
    const two: BuildTarget = { ...target, outputs: ['resources/content.db', 'resources/other.db'] };
    writeFileSync(join(root, 'resources/content.db'), 'new');
    writeFileSync(join(root, 'resources/other.db'), 'old');
    at(root, 'resources/content.db', 4_000);
    at(root, 'resources/other.db', 500);
    expect(staleReason(root, two)).toBe('db/content/kyphoplasty/en.json is newer than resources/other.db');
  });

  it('a build that leaves its output byte-for-byte the same still counts as done', () => {
    const root = project();
    writeFileSync(join(root, 'resources/content.db'), 'same');
    at(root, 'resources/content.db', 2_000);
    at(root, 'db/content/kyphoplasty/en.json', 3_000);
    expect(buildIfStale(root, [target], () => {})).toEqual(['content database']);
    expect(staleReason(root, target)).toBeNull();
  });

  it("the kiosk's own table: a content edit rebuilds content.db but not the app bundles, a code edit the bundles", () => {
    const root = project();
    const [content, bundles] = buildTargets as [BuildTarget, BuildTarget];
    for (const o of [...content.outputs, ...bundles.outputs]) {
      mkdirSync(join(root, o, '..'), { recursive: true });
      writeFileSync(join(root, o), 'built');
      at(root, o, 2_000);
    }
    mkdirSync(join(root, 'renderer/src'), { recursive: true });
    writeFileSync(join(root, 'renderer/src/App.tsx'), 'code');
    at(root, 'renderer/src/App.tsx', 1_500);
    expect([staleReason(root, content), staleReason(root, bundles)]).toEqual([null, null]);

    at(root, 'db/content/kyphoplasty/en.json', 3_000);
    expect(staleReason(root, content)).toBe('db/content/kyphoplasty/en.json is newer than resources/content.db');
    expect(staleReason(root, bundles)).toBeNull();

    at(root, 'renderer/src/App.tsx', 3_000);
    expect(staleReason(root, bundles)).toMatch(/^renderer\/src\/App\.tsx is newer than out\//);
  });
});
