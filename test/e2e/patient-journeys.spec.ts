import { test, expect } from './kiosk-fixture';
import { contentTexts, localeList, nativeNames, startIn, uiFilled, uiText } from './kiosk-pages';

// Every language the bundled content has: a new language file is covered without a code change.
for (const { code: locale, direction } of localeList()) {
  test(`patient journey in ${locale}: topic, glossary, walkthrough, quiz with a wrong answer`, async ({ page, kiosk }) => {
    const c = contentTexts(locale);
    await startIn(page, kiosk.url, locale);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.locator('html')).toHaveAttribute('dir', direction);
    await expect(page.getByRole('button', { name: uiText(locale, 'toolbar.home') })).toBeVisible();

    // A topic with a glossary term that opens a plain definition on tap.
    await page.locator('[data-topic="what-it-is"]').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(c['topic.what-it-is.title']!);
    await expect(page.getByRole('heading', { level: 2, name: c['topic.what-it-is.not-for.heading']! })).toBeVisible();
    await page.locator('button.term').first().click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.locator('p')).not.toBeEmpty();
    await dialog.getByRole('button', { name: uiText(locale, 'topic.close') }).click();
    await expect(dialog).toBeHidden();

    // The comparison table is a real table.
    await page.getByRole('button', { name: uiText(locale, 'toolbar.back') }).click();
    await page.locator('[data-topic="compare"]').click();
    await expect(page.locator('table th').first()).toBeVisible();

    // The walkthrough, forwards to the end and back to the start.
    await page.getByRole('button', { name: uiText(locale, 'toolbar.home') }).click();
    await page.locator('[data-feature="walkthrough"]').click();
    const next = page.getByRole('button', { name: uiText(locale, 'walkthrough.next') });
    const previous = page.getByRole('button', { name: uiText(locale, 'walkthrough.previous') });
    for (const [i, id] of ['needle', 'balloon-in', 'balloon-inflate', 'cement'].entries()) {
      await expect(page.locator(`[data-step="${id}"] h2`)).toHaveText(c[`step.${id}.title`]!);
      await expect(page.locator(`[data-step="${id}"] img`)).toHaveAttribute('alt', c[`illustration.step-${id}.alt`]!);
      await expect(page.locator('.step-progress')).toContainText(new Intl.NumberFormat(locale).format(i + 1));
      await next.click();
    }
    await expect(page.getByRole('heading', { level: 2, name: uiText(locale, 'walkthrough.done') })).toBeVisible();
    for (const id of ['cement', 'balloon-inflate', 'balloon-in', 'needle']) {
      await previous.click();
      await expect(page.locator(`[data-step="${id}"]`)).toBeVisible();
    }
    await expect(previous).toBeDisabled();

    // The quiz: a wrong answer offers the way back to the step that explains it.
    for (let i = 0; i < 4; i++) await next.click();
    await page.getByRole('button', { name: uiText(locale, 'walkthrough.toQuiz') }).click();
    await expect(page.locator('[data-question="order"] legend')).toHaveText(c['quiz.order.question']!);
    await page.locator('[data-option="a"]').click();
    await expect(page.getByText(uiText(locale, 'quiz.notQuite'))).toBeVisible();
    await expect(page.getByText(c['quiz.order.explanation']!)).toBeVisible();
    await page.getByRole('button', { name: uiFilled(locale, 'quiz.goBack', { title: c['step.cement.title']! }) }).click();
    await expect(page.locator('[data-step="cement"]')).toBeVisible();
    await page.getByRole('button', { name: uiText(locale, 'toolbar.back') }).click();
    // Back in the quiz, the answer is remembered and the next question follows.
    await expect(page.locator('[data-option="a"]')).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: uiText(locale, 'quiz.next') }).click();
    await expect(page.locator('[data-question="sedation"]')).toBeVisible();

    // The word list.
    await page.getByRole('button', { name: uiText(locale, 'toolbar.home') }).click();
    await page.locator('[data-feature="glossary"]').click();
    await expect(page.locator('.glossary-entry')).toHaveCount(Object.keys(c).filter((k) => /^glossary\..*\.term$/.test(k)).length);
    await expect(page.getByText(c['glossary.trocar.definition']!)).toBeVisible();
  });
}

test('the quiz summary counts answers and links to what was missed', async ({ page, kiosk }) => {
  const c = contentTexts('en');
  await startIn(page, kiosk.url, 'en');
  await page.locator('[data-feature="quiz"]').click();
  const questions = await page.evaluate(async () => {
    const r = await fetch('/api/getQuiz', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ procedureId: 'kyphoplasty', locale: 'en' }) });
    return ((await r.json()) as { value: { questions: { id: string; answer: string; options: { id: string }[] }[] } }).value.questions;
  });
  expect(questions.length).toBeGreaterThanOrEqual(5);
  for (const [i, q] of questions.entries()) {
    await expect(page.locator(`[data-question="${q.id}"]`)).toBeVisible();
    // The first question is answered wrongly, the rest rightly.
    const choice = i === 0 ? q.options.find((o) => o.id !== q.answer)!.id : q.answer;
    await page.locator(`[data-option="${choice}"]`).click();
    await expect(page.locator('.quiz-verdict')).toHaveText(uiText('en', i === 0 ? 'quiz.notQuite' : 'quiz.right'));
    await page.getByRole('button', { name: i === questions.length - 1 ? uiText('en', 'quiz.finish') : uiText('en', 'quiz.next') }).click();
  }
  await expect(page.locator('.quiz-score')).toHaveText(`You answered ${questions.length - 1} of ${questions.length} questions the way we explained them.`);
  await page.getByRole('button', { name: c['step.cement.title']! }).click();
  await expect(page.locator('[data-step="cement"]')).toBeVisible();
});

test('swipe and arrow keys move through the walkthrough; Arabic arrows follow right-to-left', async ({ page, kiosk }) => {
  await startIn(page, kiosk.url, 'ar');
  await page.locator('[data-feature="walkthrough"]').click();
  await expect(page.locator('[data-step="needle"]')).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('[data-step="balloon-in"]')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-step="needle"]')).toBeVisible();
  // A swipe from left to right is "next" in Arabic.
  const box = (await page.locator('.walkthrough').boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 100, y);
  await page.mouse.down();
  await page.mouse.move(box.x + 400, y, { steps: 5 });
  await page.mouse.up();
  await expect(page.locator('[data-step="balloon-in"]')).toBeVisible();
});

test('a topic read again, and then in another language, still opens its terms and labels its tables in the language shown', async ({ page, kiosk }) => {
  await startIn(page, kiosk.url, 'en');
  for (const locale of ['en', 'es']) {
    const c = contentTexts(locale);
    // Twice: the second time the topic's Markdown is the tree kept from the first.
    for (let visit = 0; visit < 2; visit++) {
      await page.locator('[data-topic="what-it-is"]').click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(c['topic.what-it-is.title']!);
      await page.locator('button.term').first().click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByRole('heading')).toHaveText(c['glossary.kyphoplasty.term']!);
      await expect(dialog.locator('p')).toHaveText(c['glossary.kyphoplasty.definition']!);
      await dialog.getByRole('button', { name: uiText(locale, 'topic.close') }).click();
      await expect(dialog).toBeHidden();
      await page.getByRole('button', { name: uiText(locale, 'toolbar.home') }).click();
      await page.locator('[data-topic="compare"]').click();
      await expect(page.getByRole('region', { name: uiText(locale, 'app.screenLabel') }).locator('table th').first()).toBeVisible();
      await page.getByRole('button', { name: uiText(locale, 'toolbar.home') }).click();
    }
    if (locale === 'en') {
      await page.getByRole('button', { name: `${uiText('en', 'toolbar.language')}: ${nativeNames.en}` }).click();
      await page.getByRole('button', { name: nativeNames.es, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(contentTexts('es')['procedure.name']!);
    }
  }
});
