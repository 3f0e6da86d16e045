import type { OperatorMessages } from './messages'

export const operatorEn: OperatorMessages = {
  title: 'Operator console',
  tabs: {
    cases: 'Cases',
    venues: 'Risk venues',
    import: 'Import',
    appeals: 'Appeals',
    overrides: 'Overrides',
    flags: 'Flags',
    stats: 'Statistics',
  },
  matching: {
    pending: 'The search for contacts has not started.',
    requested:
      'The search for contacts has started. Its results apply shortly.',
    done: 'The search for contacts is complete.',
  },
  colors: {
    green: 'Green',
    yellow: 'Yellow',
    red: 'Red',
    none: 'Not rated',
  },
  cases: {
    title: 'Report a case',
    documentType: 'Document type',
    number: 'Document number',
    country: 'Issuing country (3-letter code such as USA)',
    kind: 'Kind',
    kinds: { confirmed: 'confirmed case', suspected: 'suspected case' },
    onset: 'Onset date (YYYY-MM-DD)',
    sampleDate:
      'Date of the positive sample (optional, for a case without ' +
      'symptoms, YYYY-MM-DD)',
    note: 'Note (optional)',
    submit: 'Report case',
    reported: '{{name}} reported as a {{kind}}, onset {{onset}}.',
    export: 'Export cases as CSV',
    exported: 'Cases CSV downloaded.',
    exportOpenFailed: 'The cases CSV was downloaded but cannot be opened.',
  },
  venues: {
    title: 'Mark a risk venue',
    venueId: 'Venue id',
    start: 'Start (Beijing time, YYYY-MM-DD HH:mm)',
    end: 'End (Beijing time, YYYY-MM-DD HH:mm)',
    level: 'Risk level',
    levels: {
      yellow: 'Medium risk (visitors turn yellow)',
      red: 'High risk (visitors turn red)',
    },
    note: 'Note (optional)',
    submit: 'Mark risk venue',
    marked: '{{venue}} marked as {{level}} from {{start}} to {{end}}.',
  },
  import: {
    title: 'Import travel records',
    intro: 'Paste CSV text. The first line names the columns, in any order:',
    timeHint:
      'time is ISO 8601 with an offset, such as ' +
      '2026-02-10T14:30:00+08:00. country is for passports only.',
    csv: 'CSV text',
    submit: 'Import',
    imported: 'Imported',
    flagged: 'Flagged',
    skipped: 'Skipped',
    counts:
      'Imported {{imported}} rows, flagged {{flagged}} residents, ' +
      'skipped {{skipped}} rows.',
    skippedNote:
      'Skipped rows are about unregistered people, places that are not ' +
      'high-risk, or stays too old to give a color.',
    errorsTitle: 'Problems: {{count}}',
    noErrors: 'No line has a problem.',
    line: 'Line {{line}}',
    codes: {
      header_invalid:
        'The header is invalid. The first line must name all 6 columns.',
      column_count:
        'Wrong number of values. Enclose values that contain commas in ' +
        'double quotes.',
      too_many_rows:
        'Too many rows. Rows from this line on were not read. Split the ' +
        'file and import the rest separately.',
      missing: 'The value is missing.',
      invalid: 'The value is invalid.',
      too_long: 'The value is too long.',
      not_allowed:
        'Only passports have an issuing country. Leave it empty for other ' +
        'documents.',
      unknown_place: 'The place is not one the city knows.',
      in_future: 'The time is in the future.',
      quote_unterminated: 'A quoted value is not closed.',
      quote_misplaced:
        'A double quote is misplaced. Enclose the whole value in double ' +
        'quotes and double any quote inside it.',
    },
  },
  appeals: {
    title: 'Review appeals',
    statuses: {
      pending: 'Pending',
      approved: 'Approved',
      rejected: 'Rejected',
    },
    reason: 'Reason for the decision (the resident reads it)',
    reasonPlaceholder:
      'For example: records show you were not at the venue then',
    approve: 'Approve',
    reject: 'Reject',
    approved: 'Appeal of {{name}} approved.',
    rejected: 'Appeal of {{name}} rejected.',
    empty: 'No appeals with this status.',
    more: 'Load more',
    filedAt: 'Submitted {{time}}',
    message: 'Resident wrote: {{message}}',
    rules: 'Appealed: {{rules}}',
    snapshot: 'When submitted: {{color}}',
    decision: 'Reason given: {{reason}}',
  },
  overrides: {
    singleTitle: "Set one resident's color",
    resident: 'Resident id',
    color: 'Color',
    until: 'Until (Beijing time, YYYY-MM-DD HH:mm)',
    reasonCode: 'Reason',
    reasonCodes: {
      negative_test: 'Negative nucleic acid test',
      positive_test: 'Positive nucleic acid test',
      data_correction: 'Correction of wrong data',
      quarantine_completed: 'Quarantine completed',
      health_authority_order: 'Order of the health authority',
    },
    evidence: 'Evidence reference (such as a test report number)',
    submit: 'Set color',
    applied: 'Color of resident {{id}}: {{before}} → {{after}}.',
    bulkTitle: 'Bulk change (another operator must approve)',
    residents: 'Resident ids, one per line',
    bulkSubmit: 'Request bulk change',
    requested:
      'Bulk change for {{count}} residents requested. Another operator ' +
      'must approve it before it applies.',
    pendingTitle: 'Bulk requests',
    noPending: 'No bulk requests await approval.',
    requestLine: '{{count}} residents to {{color}} until {{until}}',
    requestReason: 'Reason: {{reason}}. Evidence: {{evidence}}',
    requestedBy: 'Requested by {{account}} at {{time}}',
    own: 'You requested this change, so another operator must approve it.',
    approve: 'Approve and apply',
    approvedResult:
      'Approved and applied: {{changed}} changed, {{unchanged}} unchanged, ' +
      '{{notFound}} not found.',
    approvedApplying: 'Approved. The change is being applied.',
    statuses: {
      pending: 'Pending',
      approved: 'Approved',
      applied: 'Applied',
    },
  },
  flags: {
    title: 'Flagged residents',
    intro:
      'Imported travel records show a stay in a high-risk area that the ' +
      "resident's declaration left out.",
    empty: 'No flagged residents.',
    resident: '{{name}} (resident id {{id}})',
    place: 'Place: {{place}}',
    at: 'Stay at {{time}}',
    declaredAt: 'Declared at {{time}}',
  },
  stats: {
    title: 'Statistics',
    from: 'From (YYYY-MM-DD)',
    to: 'To (YYYY-MM-DD)',
    load: 'Show',
    evaluatedAt: 'As of {{time}}',
    colors: 'Residents by color',
    checkinsPerDay: 'Check-ins per day',
    checkinsPerType: 'Check-ins per venue type',
    casesPerDay: 'Cases reported per day',
    confirmed: 'Confirmed',
    suspected: 'Suspected',
    noData: 'No data in this period.',
  },
}
