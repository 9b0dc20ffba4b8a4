/** The languages the simulator can tell apart and phrase its own words in. */
export type ReplyLanguage = 'en' | 'es' | 'fr' | 'pt' | 'hi' | 'hi-Latn' | 'ar';

/** Words that, in a Latin-script message, mark a language other than English (2 hits, or 1 in a short message). */
const LATIN_MARKERS: [ReplyLanguage, Set<string>][] = [
  [
    'es',
    new Set(
      'hola gracias cuándo cuando dónde donde cuánto cuanto cuesta precio abren abierto horario envío envio tienen puedo quiero qué sábado domingo usted ustedes buenos buenas días'.split(
        ' ',
      ),
    ),
  ],
  ['pt', new Set('olá obrigado obrigada quando onde quanto custa preço vocês voces abrem aberto horário entrega posso quero sábado domingo bom boa dia'.split(' '))],
  ['fr', new Set('bonjour merci quand où combien coûte prix ouvert ouvrez horaires livraison pouvez voulez samedi dimanche vous êtes est-ce'.split(' '))],
  ['hi-Latn', new Set('kya hai hain kab kitna kitne kaise aap aapka mujhe chahiye kal aaj namaste dhanyavad shukriya batao bataiye khula khulta kahan'.split(' '))],
];

/**
 * The customer's language, deterministically: the script first (Devanagari → Hindi, Arabic → Arabic),
 * then marker words for Spanish, Portuguese, French and romanised Hindi; English otherwise.
 */
export function detectLanguage(text: string): ReplyLanguage {
  if (/\p{Script=Devanagari}/u.test(text)) return 'hi';
  if (/\p{Script=Arabic}/u.test(text)) return 'ar';
  const words = text.toLowerCase().match(/[\p{L}-]+/gu) ?? [];
  let best: ReplyLanguage = 'en';
  let bestHits = 0;
  for (const [language, markers] of LATIN_MARKERS) {
    const hits = words.filter((w) => markers.has(w)).length;
    if (hits > bestHits) [best, bestHits] = [language, hits];
  }
  if (bestHits >= 2 || (bestHits === 1 && words.length <= 4)) return best;
  return /[¿¡]/.test(text) ? 'es' : 'en';
}

export interface Phrases {
  /** Opens an answer, as the named persona of the business when they are known. */
  intro(name: string | undefined, business: string | undefined): string;
  /** Joins the quoted knowledge to the intro. */
  lead: string;
  /** Closes a friendly (not brief) answer. */
  closing: string;
  greeting(name: string | undefined, business: string | undefined): string;
  unsure: string;
  legal: string;
  refund: string;
  complaint: string;
}

const from = (business: string | undefined, word: string) => (business ? ` ${word} ${business}` : '');

export const PHRASES: Record<ReplyLanguage, Phrases> = {
  en: {
    intro: (name, business) => (name ? `Hi, this is ${name}${from(business, 'from')}!` : 'Happy to help!'),
    lead: '',
    closing: 'Anything else I can help you with?',
    greeting: (name, business) => (name ? `Hello! This is ${name}${from(business, 'from')}. How can I help you today?` : 'Hello! How can I help you today?'),
    unsure: "I'm not sure about that. Let me check with the team.",
    legal: "I'm passing this to a member of our team who can help with legal matters.",
    refund: "I've passed your refund request to our team; someone will get back to you shortly.",
    complaint: "I'm sorry about your experience. I'm connecting you with a member of our team.",
  },
  es: {
    intro: (name, business) => (name ? `¡Hola, soy ${name}${from(business, 'de')}!` : '¡Con gusto te ayudo!'),
    lead: 'Esto es lo que dice nuestra información:',
    closing: '¿Te puedo ayudar con algo más?',
    greeting: (name, business) => (name ? `¡Hola! Soy ${name}${from(business, 'de')}. ¿En qué te puedo ayudar hoy?` : '¡Hola! ¿En qué te puedo ayudar hoy?'),
    unsure: 'No estoy seguro de eso. Déjame consultarlo con el equipo.',
    legal: 'Paso tu mensaje a una persona de nuestro equipo que puede ayudarte con temas legales.',
    refund: 'He pasado tu solicitud de reembolso a nuestro equipo; te responderán pronto.',
    complaint: 'Lamento mucho tu experiencia. Te comunico con una persona de nuestro equipo.',
  },
  pt: {
    intro: (name, business) => (name ? `Olá, aqui é ${name}${from(business, 'da')}!` : 'Fico feliz em ajudar!'),
    lead: 'Veja o que diz a nossa informação:',
    closing: 'Posso ajudar em mais alguma coisa?',
    greeting: (name, business) => (name ? `Olá! Aqui é ${name}${from(business, 'da')}. Como posso ajudar hoje?` : 'Olá! Como posso ajudar hoje?'),
    unsure: 'Não tenho certeza sobre isso. Vou verificar com a equipe.',
    legal: 'Vou passar isto para alguém da nossa equipe que pode ajudar com questões legais.',
    refund: 'Passei o seu pedido de reembolso para a nossa equipe; alguém responderá em breve.',
    complaint: 'Sinto muito pela sua experiência. Vou conectar você com alguém da nossa equipe.',
  },
  fr: {
    intro: (name, business) => (name ? `Bonjour, ici ${name}${from(business, 'de')} !` : 'Avec plaisir !'),
    lead: 'Voici ce que disent nos informations :',
    closing: 'Puis-je vous aider pour autre chose ?',
    greeting: (name, business) => (name ? `Bonjour ! Ici ${name}${from(business, 'de')}. Comment puis-je vous aider ?` : 'Bonjour ! Comment puis-je vous aider ?'),
    unsure: "Je ne suis pas sûr de cela. Je vérifie auprès de l'équipe.",
    legal: "Je transmets votre message à une personne de l'équipe qui peut vous aider pour les questions juridiques.",
    refund: "J'ai transmis votre demande de remboursement à l'équipe ; quelqu'un vous répondra rapidement.",
    complaint: "Je suis désolé pour votre expérience. Je vous mets en relation avec une personne de l'équipe.",
  },
  hi: {
    intro: (name, business) => (name ? `नमस्ते, मैं ${business ? `${business} से ` : ''}${name} हूँ!` : 'नमस्ते, मैं आपकी मदद करता हूँ!'),
    lead: 'हमारी जानकारी के अनुसार:',
    closing: 'क्या मैं और कुछ मदद कर सकता हूँ?',
    greeting: (name, business) => (name ? `नमस्ते! मैं ${business ? `${business} से ` : ''}${name} हूँ। बताइए, मैं आपकी क्या मदद कर सकता हूँ?` : 'नमस्ते! बताइए, मैं आपकी क्या मदद कर सकता हूँ?'),
    unsure: 'मुझे इसके बारे में पक्का नहीं पता। मैं टीम से पूछकर बताता हूँ।',
    legal: 'मैं यह बात हमारी टीम के किसी सदस्य को दे रहा हूँ जो कानूनी मामलों में मदद कर सकते हैं।',
    refund: 'आपका रिफ़ंड अनुरोध हमारी टीम को भेज दिया है; जल्द ही कोई आपसे संपर्क करेगा।',
    complaint: 'आपके अनुभव के लिए हमें खेद है। मैं आपको हमारी टीम के किसी सदस्य से जोड़ रहा हूँ।',
  },
  'hi-Latn': {
    intro: (name, business) => (name ? `Namaste, main ${business ? `${business} se ` : ''}${name} hoon!` : 'Namaste, main madad karta hoon!'),
    lead: 'Hamari jaankari ke hisaab se:',
    closing: 'Aur kuch madad chahiye?',
    greeting: (name, business) => (name ? `Namaste! Main ${business ? `${business} se ` : ''}${name} hoon. Bataiye, kya madad karun?` : 'Namaste! Bataiye, kya madad karun?'),
    unsure: 'Mujhe iske baare mein pakka nahi pata. Main team se poochh kar batata hoon.',
    legal: 'Main yeh baat hamari team ke kisi member ko de raha hoon jo legal maamlon mein madad kar sakte hain.',
    refund: 'Aapki refund request team ko bhej di hai; jaldi hi koi aapse baat karega.',
    complaint: 'Aapke anubhav ke liye maafi chahte hain. Main aapko team ke kisi member se jod raha hoon.',
  },
  ar: {
    intro: (name, business) => (name ? `مرحبًا، معك ${name}${business ? ` من ${business}` : ''}!` : 'يسعدني مساعدتك!'),
    lead: 'هذا ما تقوله معلوماتنا:',
    closing: 'هل يمكنني مساعدتك في شيء آخر؟',
    greeting: (name, business) => (name ? `مرحبًا! معك ${name}${business ? ` من ${business}` : ''}. كيف يمكنني مساعدتك اليوم؟` : 'مرحبًا! كيف يمكنني مساعدتك اليوم؟'),
    unsure: 'لست متأكدًا من ذلك. سأتحقق من الفريق.',
    legal: 'سأحوّل رسالتك إلى أحد أعضاء فريقنا للمساعدة في المسائل القانونية.',
    refund: 'أرسلت طلب الاسترداد إلى فريقنا؛ سيتواصل معك أحدهم قريبًا.',
    complaint: 'نأسف لتجربتك. سأوصلك بأحد أعضاء فريقنا.',
  },
};
