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
    until: 'Expected to turn green at {{time}} (Beijing time)',
    noChange: 'No color change is scheduled',
    greenNow: 'Green code: no restrictions',
    appeal: 'Disagree with a reason? Appeal',
    codeExpires: 'Code valid until {{time}}, renewed automatically',
    codeUnavailable: 'The QR code cannot be shown right now',
    reasons: 'Why this color',
    noReasons: 'No records affect the color of your code',
    reasonUntil: 'Until {{time}}',
    answerAgain: 'Answer the questionnaire again',
    signOut: 'Sign out',
  },
  nav: {
    checkin: 'Scan a venue code',
    history: 'My check-ins',
    business: 'My business',
    businessRegister: 'Register a business',
    guard: 'Checkpoint',
    household: 'Family',
    appeals: 'My appeals',
    operator: 'Operator console',
  },
  checkin: {
    title: 'Venue check-in',
    intro:
      'Scan the venue code posted at the entrance to check in, then show ' +
      'your pass to the guard.',
    scan: 'Scan the venue code',
    code: 'Venue code text',
    codePlaceholder: 'Paste the scanned text',
    submit: 'Check in',
    retry: 'Try again',
    codeMissing: 'Paste the venue code text first.',
    scanFailed: 'The camera could not be opened to scan. Try again.',
    networkTitle: 'Check-in not sent',
    network:
      'Could not reach the server, so the check-in is not complete. ' +
      'Check your connection and tap "Try again". The same scan is never ' +
      'counted twice.',
  },
  pass: {
    title: 'Pass',
    checkedInAt: 'Checked in at {{time}}',
    hiddenColor: 'Color not shown',
    hiddenColorNote:
      'Passes in this city do not show the color. The guard checks it ' +
      'when scanning.',
    live: 'Now {{time}}',
    validFor: 'Expires in {{seconds}} s',
    expired: 'This pass has expired. Scan the venue code again.',
    scanAgain: 'Scan again',
    home: 'Back to my code',
    missing: 'There is no pass to show. Scan a venue code first.',
  },
  history: {
    title: 'My check-ins',
    empty: 'No check-ins yet',
    sources: {
      scan: 'You scanned the venue code',
      guard: 'A guard scanned your code',
      manual: 'A guard entered your document',
    },
    flags: {
      implausible_travel:
        'Under review: too far from the previous check-in to get there ' +
        'in the time between them.',
      client_clock_skew:
        "Under review: your phone's clock differed too much from the " +
        "server's.",
    },
    flagsNote: 'A review mark never changes the color of your code.',
  },
  business: {
    registerTitle: 'Register a business',
    registerIntro:
      'A registered business can add venues, download their posters and ' +
      'add guards.',
    name: 'Business name',
    namePlaceholder: 'As on the business licence',
    creditCode: 'Unified social credit code',
    creditCodePlaceholder: '18 characters',
    submit: 'Register',
    venuesTitle: 'My venues',
    newVenue: 'Add a venue',
    noVenues: 'No venues yet.',
    codeVersion: 'Venue code version {{version}}',
    temperatureRequired: 'Temperature check',
    recordDocument: 'Document check',
    poster: 'Download poster',
    posterSaved: 'Poster downloaded.',
    posterOpenFailed: 'The poster was downloaded but cannot be opened.',
    rotate: 'Replace venue code',
    rotateTitle: 'Replace the venue code?',
    rotateContent:
      'The code on the old poster stops working when the grace period ' +
      'ends. Download and put up the new poster.',
    rotateConfirm: 'Replace',
    rotateCancel: 'Cancel',
    rotated:
      'The venue code is now version {{version}}. Download and put up the ' +
      'new poster.',
    manage: 'Manage: {{name}}',
    guardPhone: "Guard's phone number",
    guardAdd: 'Add guard',
    guardAdded:
      'Guard {{phone}} added. They can verify after signing in again.',
    stats: 'Last 7 days (counts only, no personal data)',
    statsDay: '{{date}}: {{checkins}} check-ins, {{denied}} denied',
  },
  venueForm: {
    title: 'Add a venue',
    name: 'Venue name',
    address: 'Address',
    type: 'Venue type',
    types: {
      market: 'Market or mall',
      residential_compound: 'Residential compound',
      subway_bus: 'Subway or bus',
      bank: 'Bank',
      office: 'Office building',
      hospital: 'Hospital',
      train_station: 'Train station',
      school: 'School',
      restaurant: 'Restaurant',
      other: 'Other',
    },
    location: 'Coordinates (optional, WGS 84 degrees)',
    latitude: 'Latitude',
    longitude: 'Longitude',
    policy: 'Checkpoint policy',
    policyHint: "With neither chosen, the city's minimum applies.",
    temperature: 'Temperature check',
    recordDocument: 'Check documents at the checkpoint',
    submit: 'Submit',
  },
  guard: {
    title: 'Checkpoint',
    venue: 'Venue',
    noVenues: 'You are not a guard of any venue yet.',
    scan: 'Scan a pass or health code',
    token: 'Code text',
    tokenPlaceholder: 'Paste the scanned text',
    tokenMissing: 'Scan or paste a code first.',
    temperature: 'Temperature (°C)',
    temperaturePlaceholder: 'e.g. 36.5',
    temperatureInvalid: 'Enter a temperature from 30 to 45 °C.',
    verify: 'Verify',
    queue: 'Offline checks waiting to sync: {{count}}',
    sync: 'Sync now',
    syncReport:
      'Synced: {{redeemed}} valid, {{alreadyUsed}} used before, ' +
      '{{invalid}} invalid.',
    keysMissing:
      'This device has no verification keys yet, so it cannot verify ' +
      'offline. Open this page again while online.',
    manualTitle: 'Check-in without a phone',
    manualIntro: 'Verify a person without a phone by their document.',
    documentType: 'Document type',
    number: 'Document number',
    numberPlaceholder: 'Document number',
    country: 'Issuing country (3-letter code such as USA)',
    manualSubmit: 'Verify document',
  },
  verdict: {
    allow: 'Allow',
    deny: 'Deny',
    offline:
      'Offline check: the server was not reached and this device decided. ' +
      'It syncs when the connection returns.',
    name: 'Name: {{name}}',
    document: 'Document: {{document}}',
    codes: {
      ALLOW: 'Let in',
      DENY_COLOR: 'Code color not allowed',
      EXPIRED: 'Code expired',
      ALREADY_USED: 'Pass already used',
      WRONG_VENUE: 'Pass for another venue',
      INVALID_SIGNATURE: 'Invalid code',
      WRONG_CITY: 'Not a code of this city',
      CLOCK_WRONG: 'Device clock wrong',
      FEVER: 'Fever',
      NOT_REGISTERED: 'Not registered',
    },
  },
  reasons: {
    kinds: {
      questionnaire: 'Health declaration',
      exposure_case: 'Near a case',
      risk_venue: 'At a risk venue',
      own_case: 'Reported as a case',
      household: 'Household member is a case',
      override: 'Set by an operator',
      other: 'Other record',
    },
    since: 'From {{time}}',
    untilOpen: 'No end time yet',
    householdNote:
      'This color comes from your household: a person you live with was ' +
      'reported as a case. People who live together may have been ' +
      'exposed, so the city gives every member of the household this ' +
      'color for the quarantine period. The member is not named here.',
  },
  validation: {
    required: 'Fill in this field.',
    date_invalid: 'Enter the date as YYYY-MM-DD, such as 2026-02-10.',
    datetime_invalid:
      'Enter Beijing time as YYYY-MM-DD HH:mm, such as 2026-02-10 14:30.',
    end_not_after_start: 'The end must be later than the start.',
    too_long: 'The text is too long. Shorten it.',
    none_selected: 'Choose at least one.',
    csv_empty: 'Paste the CSV text, with the column names on the first line.',
    date_in_future: 'The date cannot be later than today.',
    range_too_long: 'The range is too long. Shorten it.',
    ids_invalid: 'A resident id is too long. Enter one id per line.',
    not_in_future: 'The time must be later than now.',
    too_many_ids:
      'Too many resident ids for one request. Split them into several.',
  },
  appeals: {
    title: 'Appeals',
    intro:
      'If a reason behind your color is wrong, appeal it. An operator ' +
      'reviews the appeal and replies here.',
    forDependent: 'Appeal for {{name}}',
    newTitle: 'New appeal',
    reasonsLabel: 'Reasons to appeal',
    ruleChoice: '{{kind}}: {{texts}}',
    noReasons: 'There are no reasons to appeal right now.',
    message: 'What is wrong',
    messagePlaceholder: 'Say what is wrong and what can prove it',
    messageCount: '{{count}}/{{max}} characters',
    submit: 'Submit appeal',
    submitted: 'Appeal submitted. An operator will review it.',
    listTitle: 'My appeals',
    empty: 'No appeals yet.',
    filedAt: 'Submitted {{time}}',
    appealedRules: 'Appealed: {{rules}}',
    status: {
      pending: 'Under review',
      approved: 'Approved',
      rejected: 'Rejected',
    },
    reply: 'Operator reply: {{reason}}',
    decidedAt: 'Replied {{time}}',
    noReply: 'No reply yet.',
    dependentAppeal: 'Appeal for a dependent',
  },
  household: {
    title: 'Family',
    intro:
      'Register children and elderly people without a phone and show ' +
      'their code for them, or link other adults who live with you.',
    dependentsTitle: 'Dependents',
    noDependents: 'No dependents yet.',
    limit: 'Up to {{max}} dependents per account.',
    noColor: 'No declaration yet. Answer the questionnaire for them.',
    guardians: '{{count}} guardians',
    relationships: {
      child: 'Child',
      parent: 'Parent',
      grandparent: 'Grandparent',
      spouse: 'Spouse',
      other: 'Other',
    },
    showCode: 'Show code',
    answer: 'Answer questionnaire',
    appeal: 'Appeal',
    addTitle: 'Add a dependent',
    name: 'Full name (as on the document)',
    relationship: 'Relationship to you',
    submit: 'Add',
    added: '{{name}} added. Answer the questionnaire for them.',
    alreadyRegistered:
      'Another guardian has registered this person. With the same ' +
      'document you can become one of their guardians.',
    linkSubmit: 'Become a guardian',
    linked: 'You are now a guardian of {{name}}.',
    membersTitle: 'Household',
    members: { adult: 'Adult', dependent: 'Dependent', self: 'You' },
    noMembers: 'No household members yet.',
    inviteTitle: 'Invite an adult who lives with you',
    inviteIntro:
      'Once they accept, a case reported in the household gives the ' +
      'other members a color too.',
    phone: 'Their phone number',
    invite: 'Send invitation',
    invited:
      'Invitation sent, valid until {{time}}. If the phone belongs to a ' +
      'registered resident, they can accept it on their Family page.',
    invitation: '{{name}} invited you to their household, until {{time}}.',
    accept: 'Accept invitation',
    accepted: 'You joined the household.',
    codeTitle: "{{name}}'s health code",
    codeIntro: 'Show this code to the guard. It renews automatically.',
    dependentMissing: 'This dependent was not found.',
    back: 'Back to family',
    questionnaireTitle: 'Health declaration for {{name}}',
    questionnaireIntro: 'Answer truthfully for the dependent.',
  },
}
