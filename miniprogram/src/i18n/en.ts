import type { Messages } from './messages'

export const en: Messages = {
  app: { title: 'Health Code' },
  errors: {
    networkTitle: 'No connection',
    network: 'Could not reach the server. Check your connection and try again.',
    unexpectedTitle: 'Service error',
    unexpected:
      'The server sent a response the app cannot read. Try again later.',
    sessionEnded: 'Your session has ended. Sign in again.',
  },
  login: {
    title: 'Sign in with your phone',
    phone: 'Phone number',
    phonePlaceholder: 'Mobile number',
    send: 'Send code',
    resend: 'Send again',
    resendIn: 'Send again in {{seconds}} s',
    sent: 'We sent a code by text message. It is valid for {{minutes}} min.',
    code: 'Verification code',
    codePlaceholder: '6 digits',
    submit: 'Sign in',
  },
  register: {
    title: 'Register',
    name: 'Full name (as on the document)',
    namePlaceholder: 'Full name',
    documentType: 'Document type',
    documentTypes: {
      mainland_id: 'Mainland resident ID card',
      residence_permit:
        'Residence permit for Hong Kong, Macao and Taiwan residents',
      hk_macau_permit: 'Mainland travel permit (Hong Kong and Macao)',
      taiwan_permit: 'Mainland travel permit (Taiwan)',
      passport: 'Passport',
    },
    number: 'Document number',
    numberPlaceholder: 'Document number',
    country: 'Issuing country (3-letter code such as USA)',
    countryPlaceholder: 'USA',
    phone: 'Phone number',
    submit: 'Register',
  },
  questionnaire: {
    title: 'Health declaration',
    intro:
      'Answer the questions truthfully. Your answers decide the color ' +
      'of your code.',
    yes: 'Yes',
    no: 'No',
    submit: 'Submit',
  },
  home: {
    title: 'My health code',
    colors: { green: 'Green code', yellow: 'Yellow code', red: 'Red code' },
    name: 'Name',
    until: 'Color expected to change at {{time}} (Beijing time)',
    noChange: 'No color change is scheduled',
    codeExpires: 'Code valid until {{time}}, renewed automatically',
    codeUnavailable: 'The QR code cannot be shown right now',
    reasons: 'Why this color',
    noReasons: 'No records affect the color of your code',
    reasonUntil: 'Until {{time}}',
    answerAgain: 'Answer the questionnaire again',
    signOut: 'Sign out',
  },
}
