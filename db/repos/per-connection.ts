/** One repository object per connection: its statements are prepared on first use and then reused. */
import type { Db } from '../connection';

export function perConnection<Repo>(build: (db: Db) => Repo): (db: Db) => Repo {
  const repos = new WeakMap<Db, Repo>();
  return (db) => {
    let repo = repos.get(db);
    if (!repo) {
      repo = build(db);
      repos.set(db, repo);
    }
    return repo;
  };
}
