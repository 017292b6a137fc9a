import type { ErrorCode } from '../../electron/shared/api-error';
import type { Signer } from '../../electron/shared/dto';
import type { FieldProblem } from '../../electron/shared/validate-field-value';
import type { FieldKind, ValueType } from '../../electron/shared/template';
import type { SaveProblem } from '../editor/check-for-save';

/** `第 3.1 条`; a marker that already says 第…条 (`第一条`) is used as it is. */
const clauseName = (number: string): string => (/^第.+[条章]$/u.test(number) ? number : `第 ${number} 条`);

/**
 * Every string the UI shows, in Simplified Chinese (the default). The English table (en.ts) is a second object
 * of type `Messages`; components read strings through `t` (i18n/t.ts) or `useLocale()`, never from literals.
 * The pledge text itself (template content) is never translated.
 */
export const zh = {
  appName: 'Pledge Desk',
  appTagline: '承诺书填写 · 签署 · 存档',
  loading: '正在加载…',
  retry: '重试',
  backHome: '返回首页',
  unexpected: '界面出现意外错误',
  unexpectedHint: '已填写的内容保存在本机草稿中，返回首页后可继续填写。',
  sessionExpired: '会话已失效，请从命令行重新打开 pledge serve 给出的链接',
  noApi: '无法连接到 Pledge Desk 内核',
  close: '关闭',

  lang: {
    label: '界面语言',
    zh: '中文',
    en: 'English',
  },

  home: {
    templates: '选择承诺书模板',
    templatesEmpty: '没有可用的模板。',
    templateMeta: (sections: string, fields: string) => `${sections} 个部分 · ${fields} 处待填写`,
    start: '开始填写',
    starting: '正在创建…',
    edit: '编辑',
    editTitle: (title: string) => `编辑模板“${title}”`,
    import: '导入承诺书',
    drafts: '草稿',
    draftsEmpty: '还没有草稿。选择上方的模板开始填写。',
    archive: '已签署存档',
    archiveEmpty: '还没有签署过的承诺书。',
  },

  drafts: {
    title: '标题',
    signer: '承诺人',
    progress: '进度',
    updatedAt: '最后修改',
    status: '状态',
    open: '填写中',
    signed: '已签署',
    resume: '继续填写',
    view: '查看',
    noSigner: '（未填写）',
    progressText: (filled: string, total: string) => `${filled} / ${total}`,
    search: '搜索草稿',
    searchPlaceholder: '按标题、承诺人或单位搜索',
    sort: '排序',
    sortBy: { updated: '最近修改', created: '创建时间', title: '标题' },
    noMatch: (query: string) => `没有与“${query}”匹配的草稿。`,
    actions: '操作',
    duplicate: '复制',
    duplicateTitle: (title: string) => `复制“${title}”的内容，为另一家店铺填写`,
    duplicating: '正在复制…',
    delete: '删除',
    deleteTitle: (title: string) => `删除草稿“${title}”（可撤销）`,
    deleted: (title: string) => `已删除“${title}”`,
    undo: '撤销',
    restoreFailed: (reason: string) => `未能撤销：${reason}`,
  },

  archive: {
    title: '标题',
    signer: '承诺人',
    signedAt: '签署时间',
    contentHash: '内容摘要',
    view: '查看',
    recordHeading: '已签署的承诺书',
    date: '落款日期',
    fileSha256: 'PDF 文件 SHA-256',
    contentHashFull: '内容摘要（SHA-256）',
    hashHint: '内容摘要印在 PDF 上，可用来核对文件内容是否被改动。',
    preview: 'PDF 预览',
    saveAs: '另存为…',
    savedTo: (path: string) => `已保存到 ${path}`,
    print: '打印',
    openPdf: '在新窗口打开 PDF',
    bytes: (kb: string) => `${kb} KB`,
  },

  wizard: {
    stepIntro: '承诺人信息',
    stepSign: '签署',
    stepReview: '检查与确认',
    stepOf: (i: string, n: string) => `第 ${i} 步，共 ${n} 步`,
    filledOf: (filled: string, total: string) => `已填写 ${filled} / ${total} 处`,
    steps: '步骤',
    next: '下一步',
    back: '上一步',
    toSign: '前往签署',
    saving: '正在保存…',
    savedAt: (time: string) => `已保存 ${time}`,
    saveFailed: (reason: string) => `保存失败：${reason}（将自动重试）`,
    saveRejected: (reason: string) => `保存失败：${reason}`,
    notSavedYet: '尚未修改',
    signedAlready: '这份承诺书已经签署，不能再修改。',
    viewRecord: '查看存档',
    signerHeading: '承诺人信息',
    signerType: '承诺方类型',
    signerTypes: { 企业: '企业', 个人: '个人', 其他: '其他' } satisfies Record<Signer['type'], string>,
    signerName: '承诺人姓名',
    signerNameHint: '签署人本人的姓名（必填）',
    signerNameRequired: '请填写承诺人姓名',
    organisation: '单位名称',
    organisationHint: '企业或机构的全称（个人可不填）',
    idNumber: '身份证号',
    idNumberHint: '18 位居民身份证号码',
    creditCode: '统一社会信用代码',
    creditCodeHint: '营业执照上的 18 位代码',
    phone: '联系电话',
    phoneHint: '手机或座机号码',
    address: '地址',
    addressHint: '经营或联系地址',
    ack: '已阅读并同意本条款',
    ackedAt: (time: string) => `确认时间：${time}`,
    ackPending: '尚未确认本条款',
    confirmedOf: (confirmed: string, total: string) => `已确认 ${confirmed} / ${total} 条`,
    preview: '预览全文',
    previewClose: '关闭预览',
    previewHeading: '全文预览（打印效果）',
    rmbCapital: (words: string) => `（大写：${words}）`,
    amountIs: (amount: string) => `金额 ${amount}`,
    preambleHeading: '正文开头',
    otherText: (option: string) => `请说明“${option}”`,
    fillOnSignStep: '（在“签署”步骤填写）',
    closingHeading: '落款',
  },

  profiles: {
    choose: '选择常用签署人',
    none: '（不使用常用签署人）',
    option: (name: string, organisation: string | undefined) => (organisation ? `${name}（${organisation}）` : name),
    save: '保存为常用签署人',
    update: '更新常用签署人',
    saving: '正在保存…',
    saved: (name: string) => `已保存常用签署人“${name}”`,
    needName: '请先填写承诺人姓名，再保存为常用签署人',
    hint: '常用签署人保存在本机，下次填写时可直接选用；每位商户一条。',
  },

  review: {
    heading: '检查与确认',
    intro: '签署前，请补全下列内容，并逐条确认承诺条款。',
    missingHeading: (n: string) => `尚未填写或填写有误（${n} 处）`,
    unconfirmedHeading: (n: string) => `尚未确认的条款（${n} 条）`,
    onStep: (step: string) => `位于“${step}”`,
    goToField: '前往填写',
    goToClause: '前往确认',
    clauseLabel: (number: string) => clauseName(number),
    ready: '可以签署',
    readyHint: '所有必填内容均已填写，所有条款均已由您逐条确认。',
    toSign: '去签署',
    notReady: '每一条款都须由签署人本人阅读并确认，不提供“全部确认”。',
  },

  version: {
    banner: '此模板有新版本',
    bannerHint: '此草稿按旧版本填写。可以查看哪些条款有变化，并迁移到新版本；已填写的内容会尽量保留。',
    viewChanges: '查看变更',
    hideChanges: '收起变更',
    loadingChanges: '正在比较版本…',
    migrate: '迁移到新版本',
    migrating: '正在迁移…',
    noChanges: '条款文字没有变化。',
    change: { added: '新增', removed: '删除', changed: '修改' },
    clause: (section: string, number: string) => `${section} ${number}`.trim(),
    before: '原文',
    after: '新文',
    migrated: (version: string) => `已迁移到新版本 ${version}。内容有变化的条款需要重新确认。`,
    dropped: '以下已填写的内容在新版本中不再适用，已移除：',
  },

  sign: {
    heading: '签名与日期',
    padLabel: (label: string) => `${label}：在此处手写签名`,
    padHint: '用鼠标、触控板或手写笔在框内签名',
    clear: '清除',
    date: '签署日期',
    notice:
      '提示：仅凭一张签名图片，并不构成《中华人民共和国电子签名法》所称的“可靠的电子签名”。本软件会在生成的 PDF 中记录承诺内容的摘要（SHA-256），便于日后核对内容是否被改动。',
    finalize: '签署并生成 PDF',
    finalizing: '正在生成 PDF…',
    missingSignature: (label: string) => `请先在“${label}”处签名`,
    missingSigner: '请先在“承诺人信息”步骤填写承诺人姓名',
    badDate: '请选择有效的签署日期',
    unconfirmed: (number: string) => `${clauseName(number)}尚未确认“已阅读并同意本条款”`,
    signerInvalid: (label: string, message: string) => `“${label}”：${message}`,
    missingValue: (label: string) => `“${label}”尚未填写`,
    invalidValue: (label: string) => `“${label}”填写不正确`,
    goToField: '前往填写',
    goToSigner: '前往填写承诺人信息',
    precheckHeading: '还有内容需要补充：',
    moreProblems: (n: number) => `另有 ${n} 处需要补充；左侧步骤列表显示各步骤的填写进度。`,
    saveBeforeSignFailed: '草稿未能保存，暂不能签署；请稍后重试',
  },

  importer: {
    heading: '导入承诺书',
    intro: '粘贴从网页或文档中复制的承诺书文字，或选择一个文件。网站说明、下载提示等无关内容会被自动去除，多篇承诺书会分别识别。',
    pasteLabel: '粘贴承诺书文字',
    pastePlaceholder: '把承诺书的文字粘贴到这里……',
    parseText: '识别粘贴的文字',
    or: '或者',
    chooseFile: '选择文件…',
    fileFormats: '支持 .docx、.doc、.txt、.md、.html，最大 20 MB',
    dropHint: '也可以把文件拖放到这里',
    dropNow: '松开鼠标即可导入这个文件',
    reading: (name: string) => `正在读取“${name}”…`,
    parsing: '正在识别…',
    emptyText: '请先粘贴承诺书的文字',
    resultHeading: (n: number) => `识别出 ${n} 份承诺书`,
    fromFile: (name: string) => `来源：文件“${name}”`,
    fromText: (chars: number) => `来源：粘贴的文字（${chars} 个字符）`,
    counts: (c: { sections: number; blanks: number; choices: number; signatures: number; dates: number }) =>
      `${c.sections} 个部分 · ${c.blanks} 处填空 · ${c.choices} 组选项 · ${c.signatures} 处签名 · ${c.dates} 处日期`,
    noWarnings: '未发现问题',
    review: '检查并编辑',
    importAll: '全部导入',
    importRest: (n: number) => `导入其余 ${n} 份`,
    importing: '正在导入…',
    imported: (n: number) => `已导入 ${n} 份承诺书，首页的模板列表中可以看到它们。`,
    importedOne: '已导入',
    alreadyStored: '已存在相同内容的版本',
    savedFromEditor: (version: string) => `已保存编辑后的版本 ${version}`,
    editedUnsaved: '已修改，尚未保存',
    version: (version: string) => `版本 ${version}`,
    toHome: '返回首页查看',
    startOver: '重新导入',
    warningsLabel: '提示',
  },

  /** Chinese text of an import warning by its code; the English message for a code this table does not know. */
  importWarning(code: string, message: string): string {
    switch (code) {
      case 'truncated':
        return '原文在句子中间结束，且没有签名行，可能被截断，请与原文核对是否完整';
      case 'no-signature-line':
        return '原文没有签名行，已自动添加“承诺人签名”';
      case 'no-date-line':
        return '原文没有签署日期行，已自动添加“签订日期”';
      case 'no-clauses':
        return '没有识别出编号条款，全文作为一段导入';
      default:
        return message;
    }
  },

  editor: {
    heading: '编辑模板',
    source: '原文',
    sourceHint: '只读，供对照',
    templateSourceHint: '当前模板的文字（只读，供对照）',
    document: '模板',
    title: '标题',
    titlePlaceholder: '请填写承诺书标题',
    preamble: '正文开头',
    closing: '落款',
    save: '保存为新版本',
    saving: '正在保存…',
    saved: (version: string) => `已保存为新版本 ${version}`,
    unchanged: (version: string) => `内容与已保存的版本 ${version} 相同，没有生成新版本`,
    saveFailed: (reason: string) => `保存失败：${reason}`,
    checkFailed: '模板未通过检查：',
    problemCount: (n: number) => `未保存：有 ${n} 处需要修改（见页面上方）`,
    back: '返回',
    backToImport: '返回导入结果',
    leaveDirty: '有未保存的修改。再点一次“返回”将放弃这些修改。',
    unsaved: '有未保存的修改',
    merge: '与下一条合并',
    mergeShort: '合并',
    splitShort: '拆分',
    mergeTitle: (a: string, b: string) => `把 ${a} 与 ${b} 合并为一条`,
    editClause: '修改 / 拆分',
    doneClause: '完成',
    clauseNumber: '条款编号',
    clauseText: (number: string) => `条款 ${number} 的文字`,
    clauseTextHint: '把光标放在要拆开的位置，再点“在光标处拆分”。{{…}} 标出填写项的位置，不能删除或改动。',
    placeholderKept: '填写项的位置 {{…}} 不能删除或改动；请在右侧的填写项上修改名称和类型。',
    secondNumber: '拆分出的新条款编号',
    split: '在光标处拆分',
    cannotSplit: '光标在文字的开头或结尾，无法拆分',
    field: '填写项',
    fieldId: (id: string) => `编号 ${id}`,
    label: '名称',
    valueType: '类型',
    unit: '单位',
    min: '最小值',
    max: '最大值',
    badNumber: '请输入数字',
    required: '必填',
    optional: '选填',
    options: '选项',
    option: (i: number) => `选项 ${i}`,
    removeOption: '删除',
    addOption: '添加选项',
    newOption: '新选项',
    otherOption: '可附说明的选项',
    none: '（无）',
    close: '关闭',
    chipTitle: (label: string) => `${label}（点击编辑）`,
  },

  valueTypeName: {
    percent: '百分比',
    integer: '整数',
    number: '数字',
    money: '金额',
    duration: '时长',
    text: '文本',
    phone: '电话',
    idCard: '身份证号',
    creditCode: '统一社会信用代码',
    date: '日期',
  } satisfies Record<ValueType, string>,

  fieldKindName: { blank: '填空', choice: '选择', signature: '签名', date: '日期' } satisfies Record<FieldKind, string>,

  /** Chinese text of a problem found before saving an edited template. */
  saveProblem(problem: SaveProblem, label: (fieldId: string) => string): string {
    switch (problem.code) {
      case 'empty-title':
        return '标题不能为空';
      case 'empty-label':
        return `填写项 ${problem.fieldId} 的名称不能为空`;
      case 'too-few-options':
        return `“${label(problem.fieldId)}”至少需要两个选项`;
      case 'empty-option':
        return `“${label(problem.fieldId)}”有空白的选项`;
      case 'duplicate-option':
        return `“${label(problem.fieldId)}”的选项“${problem.option}”重复了`;
      case 'range-order':
        return `“${label(problem.fieldId)}”的最小值大于最大值`;
      case 'no-signature':
        return '模板至少需要一处签名';
      case 'unknown-placeholder':
        return `文字中的 {{${problem.fieldId}}} 没有对应的填写项`;
      case 'field-order':
        return '填写项的顺序与文字不一致';
    }
  },

  /** The message for a number outside the template's own range (set in the editor). */
  rangeProblem(valueType: ValueType | undefined, low: number, high: number | undefined): string {
    const noun = valueType === 'percent' ? '百分比' : valueType === 'money' ? '金额' : '数值';
    return high === undefined ? `${noun}不能小于 ${low}` : `${noun}须在 ${low} 到 ${high} 之间`;
  },

  /** Chinese text for each validation problem; some depend on the field's value type. */
  problem(problem: FieldProblem, valueType: ValueType | undefined): string {
    switch (problem) {
      case 'empty':
        return '此处必填';
      case 'not-a-number':
        if (valueType === 'percent') return '请输入 0 到 100 之间的数字';
        if (valueType === 'money') return '请输入金额（数字）';
        return '请输入数字';
      case 'not-an-integer':
        return '请输入整数';
      case 'out-of-range':
        if (valueType === 'percent') return '百分比须在 0 到 100 之间';
        if (valueType === 'money') return '金额不能为负数';
        return '数值不能小于 0';
      case 'too-many-decimals':
        return '金额最多保留两位小数';
      case 'bad-format':
        if (valueType === 'phone') return '请输入有效的手机号码或座机号码';
        if (valueType === 'idCard') return '身份证号应为 18 位（17 位数字加 1 位数字或 X）';
        if (valueType === 'creditCode') return '统一社会信用代码应为 18 位数字或大写字母';
        return '内容过长或格式不正确';
      case 'bad-check-digit':
        if (valueType === 'idCard') return '身份证号校验位不正确';
        return '统一社会信用代码校验位不正确';
      case 'bad-date':
        return '请输入有效日期（年-月-日）';
      case 'unknown-option':
        return '请选择列出的选项之一';
      case 'other-text-missing':
        return '请填写“其他”的具体内容';
      case 'wrong-shape':
        return '填写格式不正确';
    }
  },

  /** Chinese text for each API error code. */
  error(code: ErrorCode): string {
    return ERROR_TEXT[code];
  },
};

const ERROR_TEXT: Record<ErrorCode, string> = {
  VALIDATION: '提交的内容格式不正确',
  USAGE: '命令行参数有误',
  UNKNOWN_METHOD: '程序版本不一致（未知的接口）',
  TEMPLATE_NOT_FOUND: '找不到这个模板',
  DRAFT_NOT_FOUND: '找不到这份草稿',
  DRAFT_FINALIZED: '这份承诺书已经签署，不能再修改',
  UNKNOWN_FIELD: '模板中没有这一项',
  INVALID_VALUE: '有内容填写不正确',
  MISSING_VALUE: '有必填内容尚未填写',
  INVALID_IMAGE: '签名图片无效或过大',
  ARCHIVE_NOT_FOUND: '找不到这条存档记录',
  ARCHIVE_REDACTED: '这条存档的 PDF 和个人信息已按要求删除，不能再打印、导出或完整查看',
  ARCHIVE_VOIDED: '这条存档已经作废',
  SUPERSEDE_INVALID: '不能这样替换存档记录',
  FILE_UNSUPPORTED: '文件既不是 PDF，也不是 PNG 或 JPEG 图片',
  PROFILE_NOT_FOUND: '找不到这位签署人',
  IMPORT_EMPTY: '导入的文件是空的，或读不出承诺书的文字',
  IMPORT_TOO_LARGE: '导入的文件过大（上限 20 MB）',
  IMPORT_UNSUPPORTED: '无法读取这种文件，请导入 .docx、.doc 或纯文本',
  IMPORT_DAMAGED: '文件已损坏，无法按其格式读取',
  BLOB_NOT_FOUND: '找不到这个文件',
  BLOB_TOO_LARGE: '文件过大',
  FONT_MISSING_GLYPHS: '内容中有内置字体无法显示的字符，请改用常用汉字',
  DB_NEWER_VERSION: '数据文件来自更新版本的 Pledge Desk，请升级后再打开',
  DB_CORRUPT: '数据文件已损坏，无法读取',
  STORAGE_UNAVAILABLE: '数据文件夹无法写入（只读、已满或已移除）',
  NOT_AVAILABLE: '当前运行方式不支持此操作',
  P12_BAD_PASSPHRASE: '证书密码不正确',
  P12_INVALID: '不是有效的数字证书文件（.p12/.pfx），或其中没有私钥',
  P12_UNSUPPORTED_KEY: '证书的密钥类型不支持签名（仅支持 RSA 和 ECDSA）',
  CERT_EXPIRED: '数字证书已过期',
  CERT_NOT_YET_VALID: '数字证书尚未生效，请检查本机时间',
  CERT_WRONG_USAGE: '该证书不允许用于签名',
  PDF_UNSIGNABLE: '该 PDF 无法添加数字签名（已加密或已损坏）',
  INTERNAL: '内部错误',
};

export type Messages = typeof zh;
