/**
 * Safety guards on the bundled kyphoplasty content (issue #11): the emergency instruction names
 * the emergency number, the after-hours line is printed, and the clinical points a review found
 * missing stay in the English source. Every check reads the real content files and names the key.
 */
import { describe, expect, it } from 'vitest';
import { templateVariables } from '../../electron/shared/sheet-variables';
import { sourcePack } from '../fixtures/content';

const pack = sourcePack();
const languages = pack.locales.map((l) => l.code);
const textsIn = (locale: string) => new Map(pack.texts.filter((t) => t.locale === locale).map((t) => [t.key, t.text]));
const en = textsIn('en');

/** The old, ambiguous wording ("phone the clinic" when it means "call an ambulance"), in each language. */
const clinicEmergencyNumber: Record<string, RegExp> = {
  en: /clinic'?s emergency (phone )?number/i,
  es: /emergencias de su cl[ií]nica/i,
  'zh-Hans': /诊所的急救电话/,
  ar: /رقم الطوارئ الخاص بعيادتك/,
  hi: /क्लिनिक के इमरजेंसी नंबर/,
  fr: /num[ée]ro d'urgence de (votre |la )?(clinique|service)/i,
  ru: /экстренн\S* номер\S* (вашей )?клиник/i,
  vi: /số (điện thoại )?cấp cứu của (phòng khám|bệnh viện)/i,
  ko: /병원의? 응급 ?(전화)?번호/,
  'pt-BR': /n[úu]mero de emerg[êe]ncia da (sua )?cl[íi]nica/i,
  pl: /numer alarmowy (twojej |swojej )?(kliniki|przychodni)/i,
  'zh-Hant': /診所的急救電話/,
  fa: /شماره اورژانس (کلینیک|درمانگاه)/,
  ht: /nimewo ijans klinik/i,
  tl: /emergency number ng (inyong |iyong )?klinika/i,
};

/** Words that send a patient to emergency care, in each language. */
const emergencyWords: Record<string, RegExp> = {
  en: /emergency|ambulance|\b911\b/i,
  es: /emergencia|ambulancia|\b911\b/i,
  'zh-Hans': /急救|急诊|救护车|紧急情况|\b911\b|120/,
  ar: /طوارئ|إسعاف|اسعاف|\b911\b/,
  hi: /इमरजेंसी|आपातकाल|आपात|एम्बुलेंस|एंबुलेंस|\b911\b/,
  fr: /urgences?\b|ambulance|SAMU|\b911\b/i,
  ru: /экстренн|скор(ая|ую|ой) помощ|неотложн|\b911\b/i,
  vi: /cấp cứu|khẩn cấp|xe cứu thương|\b911\b/i,
  ko: /응급|구급차|\b911\b/,
  'pt-BR': /emerg[êe]ncia|ambul[âa]ncia|\b911\b/i,
  pl: /nagł\S* (wypad|pomoc)|pogotowi|alarmow|karetk|\b911\b/i,
  'zh-Hant': /急救|急診|救護車|緊急情況|\b911\b/,
  fa: /اورژانس|آمبولانس|\b911\b/,
  ht: /ijans|anbilans|\b911\b/i,
  tl: /emergency|emerhensiya|ambulansya|\b911\b/i,
};

/** Texts a patient reads on the kiosk (not the sheet, which has its own emergency box). */
const isKioskText = (key: string) => /^(topic|step|quiz|glossary|illustration)\./.test(key);

describe('emergency instruction', () => {
  it('knows every language the content has', () => {
    // Each language of the content needs its own words here (a language may be listed before its file lands).
    expect(Object.keys(clinicEmergencyNumber)).toEqual(expect.arrayContaining(languages));
    expect(Object.keys(emergencyWords)).toEqual(expect.arrayContaining(languages));
  });

  for (const code of languages) {
    it(`${code}: never says "your clinic's emergency number"`, () => {
      const found = [...textsIn(code)].filter(([, text]) => clinicEmergencyNumber[code]!.test(text)).map(([key]) => key);
      expect(found, `${code}: these keys say the clinic's emergency number instead of {{emergencyNumber}}`).toEqual([]);
    });

    it(`${code}: every topic, step and quiz text that speaks of an emergency names {{emergencyNumber}}`, () => {
      const found = [...textsIn(code)]
        .filter(([key, text]) => isKioskText(key) && emergencyWords[code]!.test(text) && !templateVariables(text).includes('emergencyNumber'))
        .map(([key]) => key);
      expect(found, `${code}: these keys speak of an emergency without {{emergencyNumber}}`).toEqual([]);
    });

    it(`${code}: the "call the clinic" box and the wallet card print the after-hours phone`, () => {
      const texts = textsIn(code);
      for (const key of ['discharge.clinic-flags.heading', 'card.footer']) {
        expect(templateVariables(texts.get(key) ?? ''), `${code} ${key} must use {{clinicPhone}} and {{afterHoursPhone}}`).toEqual(
          expect.arrayContaining(['afterHoursPhone', 'clinicPhone']),
        );
      }
      expect(templateVariables(texts.get('card.footer') ?? ''), `${code} card.footer must use {{emergencyNumber}}`).toContain('emergencyNumber');
    });
  }

  it('checks emergency words that would catch the old wording (the guard can fail)', () => {
    expect(emergencyWords.en!.test("Call your clinic's emergency number right away.")).toBe(true);
    expect(clinicEmergencyNumber.en!.test("Call your clinic's emergency number right away.")).toBe(true);
  });
});

/** One required safety point: the key that carries it, and a phrase it must contain. */
type Point = { point: string; key: string; has: RegExp };
const requiredPoints: Point[] = [
  { point: 'nerve signs: call the emergency number', key: 'topic.symptoms.nerve-signs.body', has: /call \{\{emergencyNumber\}\} right away/i },
  { point: 'nerve signs heading matches the emergency', key: 'topic.symptoms.nerve-signs.heading', has: /^(?!.*\bsoon\b).*right away/i },
  { point: 'warning signs: call the emergency number', key: 'topic.after.get-help.body', has: /call \{\{emergencyNumber\}\} right away/i },
  { point: 'warning signs: the after-hours phone', key: 'topic.after.get-help.body', has: /at night and at weekends, call \{\{afterHoursPhone\}\}/i },
  { point: 'quiz asks about the emergency number', key: 'quiz.emergency.question', has: /\{\{emergencyNumber\}\}/ },
  { point: 'quiz explains: call the emergency number', key: 'quiz.emergency.explanation', has: /call \{\{emergencyNumber\}\} right away/i },
  { point: 'before: report a fever, a cold or an infection', key: 'topic.before.health.body', has: /fever, a cold or any infection/i },
  { point: 'before: the procedure may be moved', key: 'topic.before.health.body', has: /may need to be moved/i },
  { point: 'before: say if you might be pregnant', key: 'topic.before.health.body', has: /pregnant, or you might be/i },
  { point: 'before: say if you drink alcohol regularly', key: 'topic.before.health.body', has: /drink alcohol regularly/i },
  { point: 'before: diabetes medicines and insulin while fasting', key: 'topic.before.eating-medicines.body', has: /diabetes medicines and insulin while you are not eating/i },
  { point: 'before: a sip of water only if the team says so', key: 'topic.before.eating-medicines.body', has: /sip of water only if your team says so/i },
  { point: 'before: never change a medicine on your own', key: 'topic.before.eating-medicines.body', has: /do not change any medicine on your own/i },
  { point: 'not done: an active infection', key: 'topic.who-it-helps.not-done.body', has: /infection right now/i },
  { point: 'not done: a bleeding problem not corrected', key: 'topic.who-it-helps.not-done.body', has: /bleeding problem that has not been corrected/i },
  { point: 'not done: allergy to the cement or the X-ray dye', key: 'topic.who-it-helps.not-done.body', has: /allergic to the bone cement or to X-ray dye/i },
  { point: 'not done: a healed or painless fracture', key: 'topic.who-it-helps.not-done.body', has: /already healed, or it causes no pain/i },
  { point: 'after sedation: 24 hours', key: 'topic.sedation.after-sedation.body', has: /for 24 hours afterwards/i },
  { point: 'after sedation: no alcohol', key: 'topic.sedation.after-sedation.body', has: /do not drink alcohol/i },
  { point: 'after sedation: no driving', key: 'topic.sedation.after-sedation.body', has: /do not drive/i },
  { point: 'after sedation: no important decisions or legal papers', key: 'topic.sedation.after-sedation.body', has: /important decisions or sign legal papers/i },
  { point: 'sheet, sedation: the 24-hour rules', key: 'discharge.what-was-done.sedation', has: /for 24 hours, do not drink alcohol, drive, make important decisions or sign legal papers/i },
  { point: 'sheet, anaesthesia: the 24-hour rules', key: 'discharge.what-was-done.general-anaesthesia', has: /for 24 hours, do not drink alcohol, drive, make important decisions or sign legal papers/i },
  { point: 'driving: at least 24 hours after sedation', key: 'topic.faq.driving.body', has: /at least 24 hours after sedation/i },
  { point: 'needle step: report numbness or tingling in the legs', key: 'step.needle.feel', has: /numbness or tingling in your legs/i },
  { point: 'needle step: tapping may be felt', key: 'step.needle.feel', has: /tapping/i },
  { point: 'balloon step: report numb or tingling legs', key: 'step.balloon-in.feel', has: /legs feel numb or tingle/i },
  { point: 'inflate step: report numb or tingling legs', key: 'step.balloon-inflate.feel', has: /legs feel numb or tingle/i },
  { point: 'cement step: report numb, tingling or weak legs', key: 'step.cement.feel', has: /legs feel numb, tingle or feel weak/i },
  { point: 'cement step: an X-ray or scan may check the cement', key: 'step.cement.body', has: /X-ray or a scan may check where the cement went/i },
  { point: 'risks: death is very rare but has been reported', key: 'topic.benefits-risks.serious-risks.body', has: /death is very rare, but it has been reported/i },
  { point: 'new fractures: not clear if the procedure adds to the risk', key: 'topic.benefits-risks.new-fractures.body', has: /not clear if the procedure itself adds/i },
  { point: 'new fractures: weak bones are a main cause', key: 'topic.benefits-risks.new-fractures.body', has: /weak bones are a main cause/i },
  { point: 'FAQ new break: not clear if the procedure adds to the risk', key: 'topic.faq.new-break.body', has: /not clear if the procedure itself adds/i },
  { point: 'first days: relief may come, not everyone improves', key: 'topic.after.first-days.body', has: /may ease[\s\S]*not everyone has less pain/i },
  { point: 'benefits: not everyone improves', key: 'topic.benefits-risks.benefits.body', has: /not everyone improves/i },
  { point: 'evidence: names vertebroplasty', key: 'topic.benefits-risks.evidence.body', has: /\[vertebroplasty\]\(glossary:vertebroplasty\)/i },
  { point: 'evidence: explains a sham procedure', key: 'topic.benefits-risks.evidence.body', has: /sham[\s\S]*did not know if they had the real one or the sham/i },
  { point: 'warning signs: worsening rib pain', key: 'topic.after.get-help.body', has: /rib pain that gets worse/i },
  { point: 'sheet: worsening rib pain', key: 'discharge.clinic-flags.new-pain', has: /rib pain that gets worse/i },
  { point: 'sheet: the after-hours phone in the clinic box', key: 'discharge.clinic-flags.heading', has: /at night and at weekends, call \{\{afterHoursPhone\}\}/i },
  { point: 'card: the after-hours phone', key: 'card.footer', has: /at night and at weekends, call \{\{afterHoursPhone\}\}/i },
];

describe('required safety points in the English source', () => {
  for (const { point, key, has } of requiredPoints) {
    it(`${point} (${key})`, () => {
      expect(en.has(key), `${key} is missing from en.json`).toBe(true);
      expect(en.get(key), `${key} must say: ${has.source}`).toMatch(has);
    });
  }

  it('never says new fractures are not caused by the procedure', () => {
    const found = [...en].filter(([, text]) => /not (caused )?by the procedure/i.test(text)).map(([key]) => key);
    expect(found, 'these keys say new fractures are not caused by the procedure').toEqual([]);
  });

  it('never promises pain relief', () => {
    const found = [...en].filter(([, text]) => /\b(will|always) (ease|relieve|stop|take away|end)\b[^.]*\bpain\b|\bpain (will|always) (ease|go away|stop)/i.test(text)).map(([key]) => key);
    expect(found, 'these keys promise pain relief').toEqual([]);
  });
});

describe('translations name both kinds of blood thinner', () => {
  it('es: "anticoagulante" is never used alone for aspirin and clopidogrel', () => {
    const found = [...textsIn('es')].filter(([, t]) => /anticoagulante/i.test(t) && !/antiagregante|hacen la sangre más líquida/i.test(t)).map(([key]) => key);
    expect(found, 'es: these keys say "anticoagulante" without "antiagregante"').toEqual([]);
  });

  it('zh-Hans: "抗凝药" is never used alone for aspirin and clopidogrel', () => {
    const found = [...textsIn('zh-Hans')].filter(([, t]) => /抗凝药/.test(t) && !/抗血小板药/.test(t)).map(([key]) => key);
    expect(found, 'zh-Hans: these keys say 抗凝药 without 抗血小板药').toEqual([]);
  });
});

describe('translations keep "procedure", "nerve" and "vein" apart', () => {
  it('zh-Hans: 手术 (surgery) is used only for real open surgery, never for kyphoplasty', () => {
    const openSurgery = new Set([
      'topic.what-it-is.small-cuts.body', // "you do not need open surgery"
      'topic.compare.surgery.heading',
      'topic.compare.surgery.body',
      'glossary.minimally-invasive.definition',
      'glossary.laminectomy.definition',
      'glossary.discectomy.definition',
    ]);
    const found = [...textsIn('zh-Hans')].filter(([key, t]) => t.includes('手术') && !openSurgery.has(key)).map(([key]) => key);
    expect(found, 'zh-Hans: these keys call the procedure 手术; use 治疗/操作/微创治疗').toEqual([]);
  });

  it('hi: नस means a vein only, and says so (शिरा); a nerve is तंत्रिका', () => {
    const found = [...textsIn('hi')].filter(([, t]) => /नस(?![\u0900-\u097F])|नसों|नसें/.test(t) && !t.includes('शिरा')).map(([key]) => key);
    expect(found, 'hi: these keys use नस without शिरा; write तंत्रिका for a nerve').toEqual([]);
  });
});
