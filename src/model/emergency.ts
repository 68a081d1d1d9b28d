import { localText } from '../i18n/locale.js';
import type { LanguageCode, TextMap } from './text.js';

/**
 * The one wording of the emergency warning signs (cauda equina syndrome) and of what to do about
 * them, in every user-interface language. Content never words these signs or this advice itself:
 * an instrument's flag says `"advice": "emergency"`, a module has an `{"type": "emergency"}`
 * block and a pathway an `{"emergency": true}` decision, and the elements insert this text, so it
 * cannot drift between files (test/model/emergency.test.ts finds any that words them itself).
 * Like the roles glossary, it is bundled rather than fetched: safety advice must not depend on a
 * request that can fail.
 *
 * Sources. The signs: Finucane LM et al. International framework for red flags for potential
 * serious spinal pathologies. J Orthop Sports Phys Ther. 2020;50(7):350-372 (cauda equina
 * syndrome), as listed by NHS Gloucestershire G-Care, Red flags for spinal conditions
 * (https://g-care.glos.nhs.uk/pathway/75/resource/3: loss of bowel or bladder control, urinary
 * retention, severe or progressive neurological deficit in the legs or gait disturbance, saddle
 * anaesthesia), and in patients' words by the Royal Free London NHS Foundation Trust leaflet
 * (https://royalfree.nhs.uk/patients-and-visitors/patient-information-leaflets/cauda-equina-syndrome:
 * difficulty starting or stopping the flow of urine, not knowing when the bladder is full, leaking,
 * loss of bowel control, changed erection or ejaculation, less feeling in the genitals). The
 * advice: the same leaflet ("go to your local emergency department (A&E) immediately"), with no
 * slower alternative. "New or worsening" and pain in the back or leg follow the Somerset NHS
 * Foundation Trust cauda equina page (https://www.somersetft.nhs.uk/trauma-and-orthopaedics/
 * trauma-and-orthopaedics/spinal-surgery-service/cauda-equina-syndrome/).
 *
 * Provenance: English is Painpath's own wording from these sources, not a validated text; every
 * other language is a draft translation by the project, not yet checked by a clinician who speaks
 * it nor taken from an official source.
 */
export interface EmergencyWording {
  readonly title: TextMap;
  /** Introduces the list of signs. */
  readonly lead: TextMap;
  readonly signs: readonly TextMap[];
  /** What to do, when the host has not given its emergency number. */
  readonly advice: TextMap;
  /** What to do, with the host's emergency number in place of `{number}`. */
  readonly adviceWithNumber: TextMap;
  /** Whom to call when the doctor's practice is closed, for advice that says "today". */
  readonly outOfHours: TextMap;
  /** The same, with the host's out-of-hours service in place of `{service}`. */
  readonly outOfHoursWithService: TextMap;
}

/** The local numbers a host gives (`data-pp-emergency-number`, `data-pp-out-of-hours`). */
export interface EmergencyContacts {
  /** E.g. "112". */
  readonly emergencyNumber?: string;
  /** E.g. "Lægevagten, 1813": a name, a number, or both. */
  readonly outOfHours?: string;
}

export const EMERGENCY: EmergencyWording = {
  title: {
    en: 'Warning signs: get help now',
    da: 'Advarselstegn: Få hjælp med det samme',
    sv: 'Varningstecken: sök hjälp direkt',
    nb: 'Faresignaler: Få hjelp med en gang',
    de: 'Warnzeichen: Holen Sie sofort Hilfe',
    ar: 'علامات تحذيرية: اطلب المساعدة فورًا',
    uk: 'Тривожні ознаки: негайно зверніться по допомогу',
    pl: 'Objawy alarmowe: natychmiast szukaj pomocy',
  },
  lead: {
    en: 'Back or leg pain with any of these new or worsening problems needs help at once:',
    da: 'Ryg- eller bensmerter sammen med et af disse nye eller tiltagende problemer kræver hjælp med det samme:',
    sv: 'Rygg- eller bensmärta tillsammans med något av dessa nya eller tilltagande problem behöver hjälp direkt:',
    nb: 'Rygg- eller beinsmerter sammen med ett av disse nye eller tiltakende problemene trenger hjelp med en gang:',
    de: 'Rücken- oder Beinschmerzen zusammen mit einem dieser neuen oder zunehmenden Probleme brauchen sofort Hilfe:',
    ar: 'ألم الظهر أو الساق مع أيٍّ من هذه المشكلات الجديدة أو المتزايدة يحتاج إلى مساعدة فورية:',
    uk: 'Біль у спині або нозі разом із будь-якою з цих нових або наростаючих проблем потребує негайної допомоги:',
    pl: 'Ból pleców lub nogi razem z którymkolwiek z tych nowych lub narastających problemów wymaga natychmiastowej pomocy:',
  },
  signs: [
    {
      en: 'numbness or tingling between your legs, or around your bottom or genitals',
      da: 'følelsesløshed eller prikken mellem benene eller omkring bagdelen eller kønsdelene',
      sv: 'domning eller stickningar mellan benen eller runt stjärten eller könsorganen',
      nb: 'nummenhet eller prikking mellom bena eller rundt baken eller kjønnsorganene',
      de: 'Taubheit oder Kribbeln zwischen den Beinen, am Po oder an den Geschlechtsteilen',
      ar: 'خدر أو تنميل بين الساقين، أو حول المقعدة أو الأعضاء التناسلية',
      uk: 'оніміння або поколювання між ногами, навколо сідниць чи статевих органів',
      pl: 'drętwienie lub mrowienie między nogami, wokół pośladków lub narządów płciowych',
    },
    {
      en: 'difficulty starting or stopping when you pee, or not feeling when your bladder is full or when you pee',
      da: 'besvær med at starte eller stoppe, når du tisser, eller du kan ikke mærke, når blæren er fuld, eller når du tisser',
      sv: 'svårt att börja eller sluta kissa, eller du känner inte när blåsan är full eller när du kissar',
      nb: 'vansker med å starte eller stoppe når du tisser, eller du kjenner ikke når blæren er full eller når du tisser',
      de: 'Schwierigkeiten, das Wasserlassen zu beginnen oder zu beenden, oder Sie spüren nicht, wann die Blase voll ist oder wann Sie Wasser lassen',
      ar: 'صعوبة في بدء التبوّل أو إيقافه، أو عدم الشعور بامتلاء المثانة أو بمرور البول',
      uk: 'важко почати або зупинити сечовипускання, або ви не відчуваєте, коли сечовий міхур повний чи коли виділяється сеча',
      pl: 'trudność z rozpoczęciem lub zatrzymaniem oddawania moczu albo brak czucia, że pęcherz jest pełny lub że oddajesz mocz',
    },
    {
      en: 'leaking urine or stool, or not being able to control or feel your bowels',
      da: 'der siver urin eller afføring, eller du kan ikke styre eller mærke din afføring',
      sv: 'du läcker urin eller avföring, eller du kan inte kontrollera eller känna tarmen',
      nb: 'lekkasje av urin eller avføring, eller du kan ikke kontrollere eller kjenne tarmen',
      de: 'ungewollter Verlust von Urin oder Stuhl, oder Sie können den Stuhlgang nicht kontrollieren oder spüren',
      ar: 'تسرّب البول أو البراز، أو عدم القدرة على التحكّم في الأمعاء أو الشعور بها',
      uk: 'підтікання сечі або калу, або ви не можете контролювати чи відчувати роботу кишечника',
      pl: 'wyciekanie moczu lub stolca albo brak kontroli lub czucia wypróżnień',
    },
    {
      en: 'less feeling in your genitals during sex, or new problems getting an erection or ejaculating',
      da: 'mindre følelse i kønsdelene under sex eller nye problemer med at få rejsning eller sædafgang',
      sv: 'mindre känsel i könsorganen vid sex, eller nya problem att få erektion eller utlösning',
      nb: 'mindre følelse i kjønnsorganene under sex, eller nye problemer med å få ereksjon eller sædavgang',
      de: 'weniger Gefühl an den Geschlechtsteilen beim Sex oder neue Probleme mit Erektion oder Samenerguss',
      ar: 'إحساس أقل في الأعضاء التناسلية أثناء العلاقة الجنسية، أو مشكلات جديدة في الانتصاب أو القذف',
      uk: 'менша чутливість статевих органів під час сексу або нові проблеми з ерекцією чи еякуляцією',
      pl: 'słabsze czucie w narządach płciowych podczas seksu albo nowe problemy z erekcją lub wytryskiem',
    },
    {
      en: 'weakness in one or both legs that is getting worse, numbness in both legs, or new trouble walking',
      da: 'svaghed i det ene eller begge ben, som bliver værre, følelsesløshed i begge ben eller nye problemer med at gå',
      sv: 'svaghet i ena eller båda benen som blir värre, domningar i båda benen eller nya svårigheter att gå',
      nb: 'svakhet i ett eller begge bein som blir verre, nummenhet i begge bein eller nye problemer med å gå',
      de: 'Schwäche in einem oder beiden Beinen, die zunimmt, Taubheit in beiden Beinen oder neue Probleme beim Gehen',
      ar: 'ضعف في إحدى الساقين أو كلتيهما يزداد سوءًا، أو خدر في الساقين كلتيهما، أو صعوبة جديدة في المشي',
      uk: 'слабкість в одній або обох ногах, що наростає, оніміння в обох ногах або нові труднощі при ходьбі',
      pl: 'narastające osłabienie jednej lub obu nóg, drętwienie obu nóg albo nowe trudności z chodzeniem',
    },
  ],
  advice: {
    en: 'Do not wait. Go to a hospital emergency department now, or call your local emergency number. Tell them you have a warning sign of cauda equina syndrome.',
    da: 'Vent ikke. Tag på en akutmodtagelse nu, eller ring til dit lokale alarmnummer. Fortæl, at du har et advarselstegn på cauda equina-syndrom.',
    sv: 'Vänta inte. Åk till en akutmottagning nu, eller ring ditt lokala larmnummer. Berätta att du har ett varningstecken på cauda equina-syndrom.',
    nb: 'Ikke vent. Dra til et akuttmottak nå, eller ring ditt lokale nødnummer. Si at du har et faresignal på cauda equina-syndrom.',
    de: 'Bitte warten Sie nicht. Gehen Sie jetzt in eine Notaufnahme, oder rufen Sie Ihre örtliche Notrufnummer an. Sagen Sie, dass Sie ein Warnzeichen für ein Cauda-equina-Syndrom haben.',
    ar: 'لا تنتظر. اذهب الآن إلى قسم الطوارئ في المستشفى، أو اتصل برقم الطوارئ المحلي. أخبرهم أن لديك علامة تحذيرية لمتلازمة ذيل الفرس.',
    uk: 'Не чекайте. Негайно їдьте до відділення невідкладної допомоги лікарні або зателефонуйте за місцевим номером екстреної допомоги. Скажіть, що у вас тривожна ознака синдрому кінського хвоста.',
    pl: 'Nie czekaj. Jedź teraz na szpitalny oddział ratunkowy albo zadzwoń pod lokalny numer alarmowy. Powiedz, że masz objaw alarmowy zespołu ogona końskiego.',
  },
  adviceWithNumber: {
    en: 'Do not wait. Go to a hospital emergency department now, or call {number}. Tell them you have a warning sign of cauda equina syndrome.',
    da: 'Vent ikke. Tag på en akutmodtagelse nu, eller ring {number}. Fortæl, at du har et advarselstegn på cauda equina-syndrom.',
    sv: 'Vänta inte. Åk till en akutmottagning nu, eller ring {number}. Berätta att du har ett varningstecken på cauda equina-syndrom.',
    nb: 'Ikke vent. Dra til et akuttmottak nå, eller ring {number}. Si at du har et faresignal på cauda equina-syndrom.',
    de: 'Bitte warten Sie nicht. Gehen Sie jetzt in eine Notaufnahme, oder rufen Sie {number} an. Sagen Sie, dass Sie ein Warnzeichen für ein Cauda-equina-Syndrom haben.',
    ar: 'لا تنتظر. اذهب الآن إلى قسم الطوارئ في المستشفى، أو اتصل بالرقم {number}. أخبرهم أن لديك علامة تحذيرية لمتلازمة ذيل الفرس.',
    uk: 'Не чекайте. Негайно їдьте до відділення невідкладної допомоги лікарні або зателефонуйте за номером {number}. Скажіть, що у вас тривожна ознака синдрому кінського хвоста.',
    pl: 'Nie czekaj. Jedź teraz na szpitalny oddział ratunkowy albo zadzwoń pod numer {number}. Powiedz, że masz objaw alarmowy zespołu ogona końskiego.',
  },
  outOfHours: {
    en: 'If your doctor’s practice is closed, call the out-of-hours service.',
    da: 'Hvis din læges praksis er lukket, så ring til lægevagten.',
    sv: 'Om din läkares mottagning är stängd, ring jourmottagningen.',
    nb: 'Hvis legekontoret ditt er stengt, ring legevakten.',
    de: 'Wenn Ihre Arztpraxis geschlossen ist, rufen Sie den ärztlichen Bereitschaftsdienst an.',
    ar: 'إذا كانت عيادة طبيبك مغلقة، فاتصل بخدمة الرعاية الطبية خارج أوقات الدوام.',
    uk: 'Якщо кабінет вашого лікаря зачинений, зателефонуйте до чергової лікарської служби.',
    pl: 'Jeśli przychodnia Twojego lekarza jest zamknięta, zadzwoń do nocnej i świątecznej opieki zdrowotnej.',
  },
  outOfHoursWithService: {
    en: 'If your doctor’s practice is closed, call the out-of-hours service: {service}.',
    da: 'Hvis din læges praksis er lukket, så ring til lægevagten: {service}.',
    sv: 'Om din läkares mottagning är stängd, ring jourmottagningen: {service}.',
    nb: 'Hvis legekontoret ditt er stengt, ring legevakten: {service}.',
    de: 'Wenn Ihre Arztpraxis geschlossen ist, rufen Sie den ärztlichen Bereitschaftsdienst an: {service}.',
    ar: 'إذا كانت عيادة طبيبك مغلقة، فاتصل بخدمة الرعاية الطبية خارج أوقات الدوام: {service}.',
    uk: 'Якщо кабінет вашого лікаря зачинений, зателефонуйте до чергової лікарської служби: {service}.',
    pl: 'Jeśli przychodnia Twojego lekarza jest zamknięta, zadzwoń do nocnej i świątecznej opieki zdrowotnej: {service}.',
  },
};

/** The languages the wording exists in; content that uses it must be in no other. */
export const EMERGENCY_LANGUAGES: readonly LanguageCode[] = Object.keys(EMERGENCY.advice);

/** English, the wording's source language, stands in for a language it lacks. */
export const emergencyText = (map: TextMap, lang: LanguageCode): string => localText(map, lang, 'en');

// The host's text is isolated (U+2068 … U+2069) so that a number keeps its order in right-to-left text.
const isolate = (text: string) => `\u2068${text}\u2069`;

/** What to do about an emergency sign, with the host's emergency number when it gave one. */
export function emergencyAdvice(lang: LanguageCode, contacts: EmergencyContacts): string {
  return contacts.emergencyNumber
    ? emergencyText(EMERGENCY.adviceWithNumber, lang).replace('{number}', isolate(contacts.emergencyNumber))
    : emergencyText(EMERGENCY.advice, lang);
}

/** Whom to call when the practice is closed, with the host's out-of-hours service when it gave one. */
export function outOfHoursAdvice(lang: LanguageCode, contacts: EmergencyContacts): string {
  return contacts.outOfHours
    ? emergencyText(EMERGENCY.outOfHoursWithService, lang).replace('{service}', isolate(contacts.outOfHours))
    : emergencyText(EMERGENCY.outOfHours, lang);
}
