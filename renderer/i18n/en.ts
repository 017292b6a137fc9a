import type { ErrorCode } from '../../electron/shared/api-error';
import type { FieldProblem } from '../../electron/shared/validate-field-value';
import type { ValueType } from '../../electron/shared/template';
import type { SaveProblem } from '../editor/check-for-save';
import type { Messages } from './zh';

/**
 * Every string the UI shows, in English. Typed as `Messages`, so it has exactly the Chinese table's shape.
 * The pledge text (clauses, titles, field labels taken from the template) stays Chinese: it is what is signed.
 */
export const en: Messages = {
  appName: 'Pledge Desk',
  appTagline: 'Fill · sign · archive pledges (承诺书)',
  loading: 'Loading…',
  retry: 'Retry',
  backHome: 'Back to home',
  unexpected: 'Something went wrong on this screen',
  unexpectedHint: 'Your answers are kept in the local draft; go back to the home screen to continue.',
  sessionExpired: 'The session has expired: open the link printed by pledge serve again',
  noApi: 'Cannot reach the Pledge Desk core',
  close: 'Close',

  lang: {
    label: 'Language',
    zh: '中文',
    en: 'English',
  },

  home: {
    templates: 'Choose a pledge template',
    templatesEmpty: 'No templates available.',
    templateMeta: (sections: string, fields: string) => `${sections} sections · ${fields} blanks to fill`,
    start: 'Start',
    starting: 'Creating…',
    edit: 'Edit',
    editTitle: (title: string) => `Edit the template “${title}”`,
    import: 'Import a pledge',
    drafts: 'Drafts',
    draftsEmpty: 'No drafts yet. Choose a template above to start.',
    archive: 'Signed pledges',
    archiveEmpty: 'No pledge has been signed yet.',
  },

  drafts: {
    title: 'Title',
    signer: 'Signer',
    progress: 'Progress',
    updatedAt: 'Last change',
    status: 'Status',
    open: 'In progress',
    signed: 'Signed',
    resume: 'Resume',
    view: 'View',
    noSigner: '(not given)',
    progressText: (filled: string, total: string) => `${filled} / ${total}`,
    search: 'Search drafts',
    searchPlaceholder: 'Title, signer or organisation',
    sort: 'Sort by',
    sortBy: { updated: 'Last change', created: 'Created', title: 'Title' },
    noMatch: (query: string) => `No draft matches “${query}”.`,
    actions: 'Actions',
    duplicate: 'Duplicate',
    duplicateTitle: (title: string) => `Copy the answers of “${title}” to fill it for another shop`,
    duplicating: 'Copying…',
    delete: 'Delete',
    deleteTitle: (title: string) => `Delete the draft “${title}” (can be undone)`,
    deleted: (title: string) => `Deleted “${title}”`,
    undo: 'Undo',
    restoreFailed: (reason: string) => `Could not undo: ${reason}`,
  },

  archive: {
    title: 'Title',
    signer: 'Signer',
    signedAt: 'Signed at',
    contentHash: 'Content hash',
    view: 'View',
    recordHeading: 'Signed pledge',
    date: 'Date on the pledge',
    fileSha256: 'PDF file SHA-256',
    contentHashFull: 'Content hash (SHA-256)',
    hashHint: 'The content hash is printed in the PDF; it shows whether the content was changed later.',
    preview: 'PDF preview',
    saveAs: 'Save as…',
    savedTo: (path: string) => `Saved to ${path}`,
    print: 'Print',
    openPdf: 'Open the PDF in a new window',
    bytes: (kb: string) => `${kb} KB`,
  },

  wizard: {
    stepIntro: 'Signer details',
    stepSign: 'Sign',
    stepReview: 'Review',
    stepOf: (i: string, n: string) => `Step ${i} of ${n}`,
    filledOf: (filled: string, total: string) => `${filled} of ${total} blanks filled`,
    steps: 'Steps',
    next: 'Next',
    back: 'Back',
    toSign: 'Go to signing',
    saving: 'Saving…',
    savedAt: (time: string) => `Saved ${time}`,
    saveFailed: (reason: string) => `Not saved: ${reason} (retrying)`,
    saveRejected: (reason: string) => `Not saved: ${reason}`,
    notSavedYet: 'No changes yet',
    signedAlready: 'This pledge has been signed and can no longer change.',
    viewRecord: 'View the archived record',
    signerHeading: 'Signer details',
    signerType: 'Signer type',
    signerTypes: { 企业: 'Company', 个人: 'Individual', 其他: 'Other' },
    signerName: 'Signer name',
    signerNameHint: 'The name of the person who signs (required)',
    signerNameRequired: 'Please enter the signer’s name',
    organisation: 'Organisation',
    organisationHint: 'Full name of the company or body (optional for individuals)',
    idNumber: 'Resident ID number',
    idNumberHint: '18-character resident identity card number',
    creditCode: 'Unified social credit code',
    creditCodeHint: 'The 18-character code on the business licence',
    phone: 'Phone',
    phoneHint: 'Mobile or landline number',
    address: 'Address',
    addressHint: 'Business or contact address',
    ack: 'I have read and agree to this clause',
    ackedAt: (time: string) => `Confirmed at ${time}`,
    ackPending: 'Not yet confirmed',
    confirmedOf: (confirmed: string, total: string) => `${confirmed} of ${total} clauses confirmed`,
    preview: 'Preview full text',
    previewClose: 'Close preview',
    previewHeading: 'Full text preview (as printed)',
    rmbCapital: (words: string) => `(in words: ${words})`,
    amountIs: (amount: string) => `Amount ${amount}`,
    preambleHeading: 'Opening',
    otherText: (option: string) => `Please specify “${option}”`,
    fillOnSignStep: '(filled in on the “Sign” step)',
    closingHeading: 'Closing',
  },

  profiles: {
    choose: 'Choose a saved signer',
    none: '(no saved signer)',
    option: (name: string, organisation: string | undefined) => (organisation ? `${name} (${organisation})` : name),
    save: 'Save as a saved signer',
    update: 'Update the saved signer',
    saving: 'Saving…',
    saved: (name: string) => `Saved signer “${name}”`,
    needName: 'Enter the signer’s name before saving it',
    hint: 'Saved signers stay on this computer and are offered next time; one per merchant.',
  },

  review: {
    heading: 'Review',
    intro: 'Before signing, complete the items below and confirm every clause one by one.',
    missingHeading: (n: string) => `Missing or invalid (${n})`,
    unconfirmedHeading: (n: string) => `Clauses not yet confirmed (${n})`,
    onStep: (step: string) => `on “${step}”`,
    goToField: 'Go to field',
    goToClause: 'Go to clause',
    clauseLabel: (number: string) => `Clause ${number}`,
    ready: 'Ready to sign',
    readyHint: 'Every required blank is filled and you have confirmed every clause.',
    toSign: 'Go to signing',
    notReady: 'The signer must read and confirm each clause personally; there is no “confirm all”.',
  },

  version: {
    banner: 'A newer version of this template exists',
    bannerHint: 'This draft follows an older version. You can see which clauses changed and move to the new version; your answers are kept where possible.',
    viewChanges: 'View changes',
    hideChanges: 'Hide changes',
    loadingChanges: 'Comparing versions…',
    migrate: 'Move to the new version',
    migrating: 'Moving…',
    noChanges: 'No clause text changed.',
    change: { added: 'Added', removed: 'Removed', changed: 'Changed' },
    clause: (section: string, number: string) => `${section} ${number}`.trim(),
    before: 'Before',
    after: 'After',
    migrated: (version: string) => `Moved to version ${version}. Clauses whose text changed must be confirmed again.`,
    dropped: 'These answers no longer fit the new version and were removed:',
  },

  sign: {
    heading: 'Signature and date',
    padLabel: (label: string) => `${label}: sign here by hand`,
    padHint: 'Sign inside the box with a mouse, touchpad or pen',
    clear: 'Clear',
    date: 'Date of signing',
    notice:
      'Note: a picture of a signature alone is not a “reliable electronic signature” under the PRC Electronic Signature Law. The PDF records a digest (SHA-256) of the pledge’s content so that later changes can be detected.',
    finalize: 'Sign and create the PDF',
    finalizing: 'Creating the PDF…',
    missingSignature: (label: string) => `Please sign at “${label}” first`,
    missingSigner: 'Enter the signer’s name on the “Signer details” step first',
    badDate: 'Please choose a valid date of signing',
    unconfirmed: (number: string) => `Clause ${number} is not yet confirmed (“I have read and agree”)`,
    signerInvalid: (label: string, message: string) => `“${label}”: ${message}`,
    missingValue: (label: string) => `“${label}” is not filled in`,
    invalidValue: (label: string) => `“${label}” is not valid`,
    goToField: 'Go to field',
    goToSigner: 'Go to the signer details',
    precheckHeading: 'Still missing:',
    moreProblems: (n: number) => `${n} more; the step list on the left shows each step’s progress.`,
    saveBeforeSignFailed: 'The draft could not be saved, so it cannot be signed yet; please try again shortly',
  },

  importer: {
    heading: 'Import a pledge',
    intro: 'Paste pledge text copied from a web page or document, or choose a file. Site notices and download prompts are removed automatically; several pledges are recognised separately.',
    pasteLabel: 'Paste pledge text',
    pastePlaceholder: 'Paste the text of the pledge here…',
    parseText: 'Read the pasted text',
    or: 'or',
    chooseFile: 'Choose a file…',
    fileFormats: '.docx, .doc, .txt, .md, .html up to 20 MB',
    dropHint: 'You can also drop a file here',
    dropNow: 'Release to import this file',
    reading: (name: string) => `Reading “${name}”…`,
    parsing: 'Reading…',
    emptyText: 'Paste the text of a pledge first',
    resultHeading: (n: number) => `${n} pledge${n === 1 ? '' : 's'} found`,
    fromFile: (name: string) => `Source: file “${name}”`,
    fromText: (chars: number) => `Source: pasted text (${chars} characters)`,
    counts: (c: { sections: number; blanks: number; choices: number; signatures: number; dates: number }) =>
      `${c.sections} sections · ${c.blanks} blanks · ${c.choices} choice groups · ${c.signatures} signatures · ${c.dates} dates`,
    noWarnings: 'No problems found',
    review: 'Review and edit',
    importAll: 'Import all',
    importRest: (n: number) => `Import the other ${n}`,
    importing: 'Importing…',
    imported: (n: number) => `Imported ${n} pledge${n === 1 ? '' : 's'}; they are in the template list on the home screen.`,
    importedOne: 'Imported',
    alreadyStored: 'This exact version is already stored',
    savedFromEditor: (version: string) => `Saved the edited version ${version}`,
    editedUnsaved: 'Edited, not saved',
    version: (version: string) => `Version ${version}`,
    toHome: 'Back to home',
    startOver: 'Import another',
    warningsLabel: 'Notes',
  },

  importWarning(code: string, message: string): string {
    switch (code) {
      case 'truncated':
        return 'The text ends mid-sentence without a signature line and may be cut off; compare it with the original';
      case 'no-signature-line':
        return 'No signature line was found; “承诺人签名” was added';
      case 'no-date-line':
        return 'No date line was found; “签订日期” was added';
      case 'no-clauses':
        return 'No numbered clauses were found; the text was imported as one section';
      default:
        return message;
    }
  },

  editor: {
    heading: 'Edit template',
    source: 'Source',
    sourceHint: 'read-only, for comparison',
    templateSourceHint: 'The current template as text (read-only, for comparison)',
    document: 'Template',
    title: 'Title',
    titlePlaceholder: 'Title of the pledge',
    preamble: 'Opening',
    closing: 'Closing',
    save: 'Save as a new version',
    saving: 'Saving…',
    saved: (version: string) => `Saved as new version ${version}`,
    unchanged: (version: string) => `Same content as the stored version ${version}; no new version was made`,
    saveFailed: (reason: string) => `Not saved: ${reason}`,
    checkFailed: 'The template did not pass the checks:',
    problemCount: (n: number) => `Not saved: ${n} thing${n === 1 ? '' : 's'} to fix (see the top of the page)`,
    back: 'Back',
    backToImport: 'Back to the import result',
    leaveDirty: 'There are unsaved changes. Click “Back” again to discard them.',
    unsaved: 'Unsaved changes',
    merge: 'Merge with the next clause',
    mergeShort: 'Merge',
    splitShort: 'Split',
    mergeTitle: (a: string, b: string) => `Merge ${a} and ${b} into one clause`,
    editClause: 'Edit / split',
    doneClause: 'Done',
    clauseNumber: 'Clause number',
    clauseText: (number: string) => `Text of clause ${number}`,
    clauseTextHint: 'Put the caret where the clause should be split, then click “Split at the caret”. {{…}} marks a blank and must stay as it is.',
    placeholderKept: 'The blank markers {{…}} cannot be removed or changed; rename or retype a blank in the panel on the right.',
    secondNumber: 'Number of the new clause',
    split: 'Split at the caret',
    cannotSplit: 'The caret is at the start or end of the text; nothing to split',
    field: 'Blank',
    fieldId: (id: string) => `Id ${id}`,
    label: 'Label',
    valueType: 'Type',
    unit: 'Unit',
    min: 'Minimum',
    max: 'Maximum',
    badNumber: 'Enter a number',
    required: 'Required',
    optional: 'Optional',
    options: 'Options',
    option: (i: number) => `Option ${i}`,
    removeOption: 'Remove',
    addOption: 'Add an option',
    newOption: 'New option',
    otherOption: 'Option with free text',
    none: '(none)',
    close: 'Close',
    chipTitle: (label: string) => `${label} (click to edit)`,
  },

  valueTypeName: {
    percent: 'Percent',
    integer: 'Integer',
    number: 'Number',
    money: 'Amount',
    duration: 'Duration',
    text: 'Text',
    phone: 'Phone',
    idCard: 'Resident ID',
    creditCode: 'Credit code',
    date: 'Date',
  },

  fieldKindName: { blank: 'Blank', choice: 'Choice', signature: 'Signature', date: 'Date' },

  saveProblem(problem: SaveProblem, label: (fieldId: string) => string): string {
    switch (problem.code) {
      case 'empty-title':
        return 'The title cannot be empty';
      case 'empty-label':
        return `Blank ${problem.fieldId} needs a label`;
      case 'too-few-options':
        return `“${label(problem.fieldId)}” needs at least two options`;
      case 'empty-option':
        return `“${label(problem.fieldId)}” has an empty option`;
      case 'duplicate-option':
        return `“${label(problem.fieldId)}” lists the option “${problem.option}” twice`;
      case 'range-order':
        return `“${label(problem.fieldId)}” has a minimum above its maximum`;
      case 'no-signature':
        return 'A template needs at least one signature';
      case 'unknown-placeholder':
        return `{{${problem.fieldId}}} in the text has no blank`;
      case 'field-order':
        return 'The blanks are not in the order of the text';
    }
  },

  rangeProblem(valueType: ValueType | undefined, low: number, high: number | undefined): string {
    const noun = valueType === 'percent' ? 'The percentage' : valueType === 'money' ? 'The amount' : 'The value';
    return high === undefined ? `${noun} cannot be below ${low}` : `${noun} must be between ${low} and ${high}`;
  },

  problem(problem: FieldProblem, valueType: ValueType | undefined): string {
    switch (problem) {
      case 'empty':
        return 'Required';
      case 'not-a-number':
        if (valueType === 'percent') return 'Enter a number from 0 to 100';
        if (valueType === 'money') return 'Enter an amount (a number)';
        return 'Enter a number';
      case 'not-an-integer':
        return 'Enter a whole number';
      case 'out-of-range':
        if (valueType === 'percent') return 'A percentage must be between 0 and 100';
        if (valueType === 'money') return 'An amount cannot be negative';
        return 'The value cannot be below 0';
      case 'too-many-decimals':
        return 'At most two decimals (fen)';
      case 'bad-format':
        if (valueType === 'phone') return 'Enter a valid mobile or landline number';
        if (valueType === 'idCard') return 'A resident ID has 18 characters (17 digits and a digit or X)';
        if (valueType === 'creditCode') return 'A credit code has 18 digits or capital letters';
        return 'Too long or not in the right format';
      case 'bad-check-digit':
        if (valueType === 'idCard') return 'The check digit of the resident ID is wrong';
        return 'The check character of the credit code is wrong';
      case 'bad-date':
        return 'Enter a valid date (year-month-day)';
      case 'unknown-option':
        return 'Choose one of the listed options';
      case 'other-text-missing':
        return 'Describe the “other” option';
      case 'wrong-shape':
        return 'Not in the expected form';
    }
  },

  error(code: ErrorCode): string {
    return ERROR_TEXT[code];
  },
};

const ERROR_TEXT: Record<ErrorCode, string> = {
  VALIDATION: 'The request was not in the expected form',
  USAGE: 'Wrong command-line arguments',
  UNKNOWN_METHOD: 'Program versions do not match (unknown method)',
  TEMPLATE_NOT_FOUND: 'Template not found',
  DRAFT_NOT_FOUND: 'Draft not found',
  DRAFT_FINALIZED: 'This pledge has been signed and can no longer change',
  UNKNOWN_FIELD: 'The template has no such blank',
  INVALID_VALUE: 'Something is not filled in correctly',
  MISSING_VALUE: 'A required blank is empty',
  INVALID_IMAGE: 'The signature image is invalid or too large',
  ARCHIVE_NOT_FOUND: 'Archived record not found',
  ARCHIVE_REDACTED: 'The PDF and personal data of this record were erased; it can no longer be printed, exported or shown in full',
  ARCHIVE_VOIDED: 'This record is void already',
  SUPERSEDE_INVALID: 'The record cannot be replaced this way',
  FILE_UNSUPPORTED: 'The file is neither a PDF nor a PNG or JPEG picture',
  PROFILE_NOT_FOUND: 'Saved signer not found',
  IMPORT_EMPTY: 'The file is empty or has no readable pledge text',
  IMPORT_TOO_LARGE: 'The file is too large (20 MB at most)',
  IMPORT_UNSUPPORTED: 'This kind of file cannot be read; import .docx, .doc or plain text',
  IMPORT_DAMAGED: 'The file is damaged and cannot be read in its format',
  BLOB_NOT_FOUND: 'File not found',
  BLOB_TOO_LARGE: 'The file is too large',
  FONT_MISSING_GLYPHS: 'Some characters cannot be drawn by the bundled font; please use common characters',
  DB_NEWER_VERSION: 'The data file comes from a newer Pledge Desk; upgrade before opening it',
  DB_CORRUPT: 'The data file is damaged and cannot be read',
  STORAGE_UNAVAILABLE: 'The data folder cannot be written (read-only, full or removed)',
  NOT_AVAILABLE: 'Not available in this mode',
  P12_BAD_PASSPHRASE: 'The certificate passphrase is wrong',
  P12_INVALID: 'Not a valid .p12/.pfx certificate file, or it holds no private key',
  P12_UNSUPPORTED_KEY: 'The certificate key cannot sign here (RSA and ECDSA only)',
  CERT_EXPIRED: 'The certificate has expired',
  CERT_NOT_YET_VALID: 'The certificate is not valid yet; check the computer clock',
  CERT_WRONG_USAGE: 'The certificate may not be used for signing',
  PDF_UNSIGNABLE: 'This PDF cannot take a digital signature (encrypted or damaged)',
  INTERNAL: 'Internal error',
};
