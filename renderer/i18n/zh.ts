import type { ErrorCode } from '../../electron/shared/api-error';
import type { ArchiveEventKind, ArchiveProblem, ArchiveSort, ArchiveStatus, Signer } from '../../electron/shared/dto';
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
    archiveSearch: '档案检索',
    verify: '核验',
    archiveLatest: (shown: string, total: string) => `显示最近签署的 ${shown} 份，共 ${total} 份。`,
  },

  nav: {
    label: '主要功能',
    archive: '档案检索',
    verify: '核验',
  },

  status: {
    valid: '有效',
    void: '已作废',
    superseded: '已被更正',
    redacted: '已删除个人信息',
  } satisfies Record<ArchiveStatus, string>,

  search: {
    heading: '档案检索',
    queryLabel: '搜索档案',
    queryPlaceholder: '标题、承诺人、单位、条款文字、填写内容或记录编号',
    queryHint: '多个词用空格分开，须全部出现；一两个字的姓名也能搜到。',
    template: '模板',
    allTemplates: '全部模板',
    signerType: '承诺方',
    allSignerTypes: '全部',
    from: '落款日期从',
    to: '至',
    status: '状态',
    allStatuses: '全部状态',
    sort: '排序',
    sortBy: { signedAt: '签署时间', title: '标题', rank: '相关度' } satisfies Record<ArchiveSort, string>,
    reset: '清除条件',
    datesReversed: '起始日期晚于截止日期，这个范围内不会有记录。',
    range: (first: string, last: string, total: string) => `第 ${first}–${last} 份，共 ${total} 份`,
    noMatch: '没有符合条件的记录。',
    searching: '正在检索…',
    organisation: '单位',
    code: '校验码',
    selectRow: (title: string, id: string) => `选择“${title}”（${id}）`,
    selectPage: '选择本页全部可打印的记录',
    noPdf: '个人信息已删除的记录没有 PDF，不能打印',
    selected: (n: string) => `已选 ${n} 份`,
    clearSelection: '清除选择',
    printSelected: '打印所选',
  },

  pagination: {
    label: '分页',
    previous: '上一页',
    next: '下一页',
    page: (page: string, pages: string) => `第 ${page} / ${pages} 页`,
  },

  printQueue: {
    heading: (n: string) => `打印所选的 ${n} 份承诺书`,
    browserHint: '浏览器逐份打开打印对话框：打印完一份，再点“下一份”。打印机和份数在打印对话框中选择。',
    desktopHint: '每份记录各打开一次系统打印对话框，可在其中选择打印机。',
    item: (i: string, n: string) => `第 ${i} / ${n} 份`,
    print: '打印这一份',
    next: '下一份',
    start: '开始打印',
    copies: '每份打印份数',
    printing: (i: string, n: string) => `正在打印第 ${i} / ${n} 份…`,
    result: (printed: string, cancelled: string) => `已打印 ${printed} 份记录，取消 ${cancelled} 份。`,
    failed: (title: string, reason: string) => `“${title}”未能打印：${reason}`,
    printedMark: '已打印',
    close: '关闭',
  },

  record: {
    backToSearch: '返回检索结果',
    backToVerify: '返回核验',
    id: '记录编号',
    code: '校验码',
    status: '状态',
    signerHeading: '承诺人信息',
    valuesHeading: (n: string) => `填写内容（${n} 项）`,
    personal: {
      none: '此记录不含个人信息（身份证号、电话、地址）。',
      masked: '身份证号、电话和地址已部分隐藏。',
      revealed: '正在显示完整的个人信息；离开本页后重新隐藏。',
      erased: '个人信息已按要求删除。',
      'not-imported': '此记录来自不含个人信息的交换包，本机没有它的个人信息。',
    },
    reveal: '显示个人信息',
    hide: '隐藏个人信息',
    revealHint: '仅在确有需要时查看，例如核对当事人身份。',
    notice: {
      void: (at: string) => `此承诺书已于 ${at} 作废。`,
      voidHint: '记录和 PDF 仍保留在档案中；作废不能撤销。',
      reason: (reason: string) => `理由：${reason}`,
      superseded: '此承诺书已被更正，以新的记录为准：',
      redacted: (at: string) => `此记录的个人信息已于 ${at} 按要求删除。`,
      redactedHint: '个人信息、检索条目、PDF 文件和扫描件均已清除；PDF 的 SHA-256 摘要作为存根保留，审计链仍可核验。',
    },
    pdfErased: 'PDF 文件已按要求删除，这里只保留它的 SHA-256 摘要。',
    eventsHeading: '审计记录',
    eventsHint: '每项操作都按时间顺序记入不可更改的审计链；整条链在“核验”页核验。',
    scansHeading: '纸质签署扫描件',
    scansEmpty: '尚未附加扫描件。',
    attachScan: '附加纸质签署扫描件',
    attaching: '正在上传扫描件…',
    scanFormats: 'PNG、JPEG 图片或 PDF',
    scanAttached: '已附加扫描件，并记入审计记录。',
    download: '下载',
    scanFile: (n: string) => `扫描件 ${n}`,
    copies: '份数',
    copiesHint: '份数和打印机在浏览器的打印对话框中选择。',
    printing: '正在打印…',
    printed: (n: string) => `已打印 ${n} 份，并记入审计记录。`,
    printCancelled: '已取消打印。',
    void: '作废…',
    redact: '删除个人信息…',
    voided: '已作废，并记入审计记录。',
    redactedDone: (files: string) => `已删除个人信息，清除文件 ${files} 个。`,
  },

  voidDialog: {
    heading: '作废这份承诺书',
    body: '作废后，记录和 PDF 仍保留在档案中，状态显示为“已作废”。作废不能撤销。',
    reasonLabel: '作废理由（必填）',
    reasonHint: '理由会永久记入审计日志、无法删除：请勿填写身份证号、电话、地址等个人信息。',
    reasonPlaceholder: '例如：商户已注销，本承诺书不再适用',
    confirm: '确认作废',
  },

  redactDialog: {
    heading: '删除个人信息',
    body: '应当事人的删除请求，以下内容将被永久删除，无法恢复：',
    erases: {
      personal: '身份证号、电话、地址等个人信息',
      search: '检索条目：此记录将不能再被搜索到',
      pdf: '存档的 PDF 文件：不能再查看、打印或另存',
      scans: '所有已附加的纸质签署扫描件',
    },
    keeps: '保留：标题、承诺人姓名、单位、日期和审计记录；PDF 的 SHA-256 摘要作为存根保留，审计链仍可完整核验。',
    reasonLabel: '删除理由（必填）',
    reasonHint: '理由会永久记入审计日志：请勿填写个人信息。',
    reasonPlaceholder: '例如：当事人书面申请删除（申请编号 2026-017）',
    acknowledge: '我确认当事人已提出删除请求，并了解删除后无法恢复。',
    confirm: '永久删除',
  },

  dialog: {
    cancel: '取消',
    working: '正在处理…',
  },

  events: {
    kind: {
      signed: '签署存档',
      stamped: '盖章存档',
      voided: '作废',
      'scan-attached': '附加扫描件',
      printed: '打印',
      exported: '另存副本',
      redacted: '删除个人信息',
      superseded: '被更正',
      imported: '从交换包导入',
    } satisfies Record<ArchiveEventKind, string>,
    seq: (n: string) => `审计链第 ${n} 项`,
    signed: (file: string, content: string) => `PDF 摘要 ${file}… · 内容摘要 ${content}…`,
    reason: (reason: string) => `理由：${reason}`,
    scan: (type: string, kb: string, sha: string) => `${type} · ${kb} KB · SHA-256 ${sha}…`,
    printed: (copies: string) => `${copies} 份`,
    erased: (parts: string) => `已删除：${parts}`,
    erasedPart: {
      personalData: '个人信息',
      pdf: 'PDF 文件',
      scans: (n: string) => `${n} 份扫描件`,
      searchEntries: '检索条目',
      draft: '草稿中的个人信息',
    },
    supersededBy: (id: string) => `由记录 ${id} 取代`,
    bundle: (sha: string, personalData: boolean) => `交换包 SHA-256 ${sha}…${personalData ? '（含个人信息）' : ''}`,
    listSeparator: '、',
    fileType: (contentType: string) => (contentType === 'application/pdf' ? 'PDF' : contentType === 'image/png' ? 'PNG 图片' : contentType === 'image/jpeg' ? 'JPEG 图片' : contentType),
  },

  verify: {
    heading: '核验',
    intro: '核对手中的文件或纸质件是否与档案中的记录一致。核验在本机完成，不联网，也不使用摄像头。',
    fileHeading: '核验文件',
    fileHint: '存档 PDF 的副本，或纸质件的扫描件、照片（PNG、JPEG）：照片要拍清最后一页的二维码。',
    chooseFile: '选择文件…',
    dropHint: '也可以把文件拖放到这里',
    dropNow: '松开鼠标即可核验这个文件',
    checking: (name: string) => `正在核验“${name}”…`,
    file: (name: string) => `文件“${name}”`,
    sha256: (sha: string) => `SHA-256 ${sha}`,
    verdict: {
      exact: '一致（原件）',
      exactBody: (id: string) => `与记录 ${id} 存档的 PDF 逐字节相同。`,
      modified: (id: string) => `是记录 ${id} 的修改副本`,
      modifiedBody: '与存档的 PDF 不完全相同，但带有该记录的文档编号：文件被另存、修改或重新生成过。',
      scan: (id: string) => `扫描件，指向记录 ${id}`,
      scanBody: '图片中的二维码指向该记录；请把纸质件与存档的 PDF 逐页对照。',
      unknown: '未知文件',
      unknownBody: '与本机档案中的任何记录都对不上。',
      hashMatch: '内容摘要 一致',
      hashMismatch: '内容摘要 不一致',
      hashAbsent: '文件未携带内容摘要',
      recordStatus: (status: string) => `记录状态：${status}`,
    },
    openRecord: (id: string) => `查看记录 ${id}`,
    technical: '核验过程（英文）',
    codeHeading: '核验校验码',
    codeHint: '输入纸质件二维码下方印的校验码，例如 PD-20261128-7K3M9QXA-3f9a0c2b1d4e。',
    codeLabel: '校验码',
    codeCheck: '核验',
    codeEmpty: '请先输入校验码',
    code: {
      match: (id: string) => `校验码一致：记录 ${id}`,
      matchBody: '记录存在，内容摘要与校验码相符。',
      mismatch: (id: string) => `校验码与记录 ${id} 不符`,
      mismatchBody: '记录存在，但内容摘要与校验码不同：可能输错了，或纸质件的内容被改动过。',
      unknown: '找不到对应的记录',
      unknownBody: '本机档案中没有这个编号的记录。',
      malformed: '这不是有效的校验码',
      malformedBody: '校验码的格式为 PD-日期-8 位编号-12 位摘要。',
      normalised: (code: string) => `按 ${code} 核验`,
    },
    allHeading: '核验全部档案',
    allHint: '重新计算每份存档 PDF 和扫描件的摘要，并逐项检查审计链。档案较大时需要一些时间。',
    allStart: '核验全部档案',
    allRunning: '正在核验全部档案…',
    elapsed: (minutes: number, seconds: number) => (minutes > 0 ? `已用时 ${minutes} 分 ${String(seconds).padStart(2, '0')} 秒` : `已用时 ${seconds} 秒`),
    took: (seconds: string) => `用时 ${seconds} 秒`,
    allOk: '全部通过：未发现任何改动',
    allFailed: (n: string) => `${n} 项未通过`,
    checked: '已核验记录',
    events: '审计事件',
    headHash: '链头摘要',
    headHashHint: '可抄录或打印链头摘要另行保存，日后用来证明审计链没有被整体替换。',
    failureRecord: '记录',
    failureProblem: '问题',
  },

  archiveProblem: {
    'pdf-missing': '存档的 PDF 文件缺失',
    'pdf-altered': '存档的 PDF 文件被改动（摘要不符）',
    'row-altered': '记录内容被改动',
    'row-missing': '记录缺失：审计链中有，档案中没有',
    'not-in-chain': '记录不在审计链中',
    'event-altered': '审计事件被改动',
    'chain-broken': '审计链断裂：事件缺失、插入或顺序被打乱',
    'personal-data-altered': '个人信息被改动',
    'personal-data-missing': '个人信息缺失（并非经删除操作）',
    'erased-data-remains': '已删除的数据仍有残留',
    'scan-missing': '扫描件文件缺失',
    'scan-altered': '扫描件被改动（摘要不符）',
  } satisfies Record<ArchiveProblem, string>,

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
      '提示：仅凭一张签名或印章图片，并不构成《中华人民共和国电子签名法》所称的“可靠的电子签名”。本软件提供的是：PDF 中记录承诺内容的摘要（SHA-256）、二维码和核验码，附有签署过程的证据页，存档并记入审计记录，便于日后核对内容是否被改动；可选的数字签名让 PDF 阅读器也能检查文件是否被改动。',
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
    methodLabel: (label: string) => `“${label}”的签名方式`,
    methods: { draw: '手写', type: '输入姓名', upload: '上传图片' },
    drawingTooSimple: '签名过于简单：请用至少两笔完整写出姓名',
    drawingTooSmall: '签名太小：请写得大一些，占签名框宽度的一部分以上',
    typedLabel: (label: string) => `${label}：输入姓名`,
    typedHint: '姓名将以楷体手写风格生成签名图片',
    typedPreview: (name: string) => `“${name}”的签名预览`,
    typedEmpty: '请输入姓名',
    uploadLabel: (label: string) => `${label}：上传签名图片`,
    chooseImage: '选择图片…',
    imageHint: 'PNG 或 JPEG，最大 2 MB；白色背景会在本机自动去除',
    imageType: '只支持 PNG 或 JPEG 图片',
    imageTooLarge: '图片超过 2 MB，请压缩后再上传',
    imageEmpty: '图片文件是空的',
    imageUnreadable: '无法读取这张图片',
    imageBlank: '图片去除背景后是空白的：请上传对比更清晰的图片',
    processing: '正在处理图片…',
    remove: '移除',
    imagePreview: (label: string) => `${label}预览`,
    optionsHeading: '签署选项',
    seal: '公章',
    sealHint: '上传公章扫描件或照片：背景在本机去除，印文统一为红色，盖在落款处',
    sealLabel: '上传公章图片',
    sealPreview: '公章预览',
    dateFormat: '日期格式',
    dateFormats: { zh: '2026年11月28日', iso: '2026-11-28' },
    digital: {
      toggle: '数字签名（可选）',
      explain:
        '在 PDF 中加入 PAdES 数字签名：任何 PDF 阅读器都能核对文件签署后是否被改动。本机生成的证书是自签名的，阅读器会显示签发者“不受信任”，但仍能验证文件完整。',
      upload: '使用已有证书文件（.p12/.pfx）',
      generate: '在本机生成签名证书',
      chooseFile: '选择证书文件…',
      uploading: '正在上传证书…',
      passphrase: '证书密码',
      passphraseRepeat: '再次输入密码',
      passphraseHint: '密码不会被保存；签署时用于解开证书中的私钥',
      create: '生成证书',
      creating: '正在生成证书…',
      created: (fingerprint: string) => `已生成证书，SHA-256 指纹 ${fingerprint}…`,
      chosen: (name: string) => `已选择证书文件“${name}”`,
      needName: '请先在“承诺人信息”步骤填写承诺人姓名，证书以此为名',
      fileType: '请选择 .p12 或 .pfx 证书文件',
      missingIdentity: '已选择数字签名，但尚未选择或生成证书',
      missingPassphrase: '请输入证书密码',
      passphraseShort: (n: number) => `密码至少 ${n} 位`,
      passphraseMismatch: '两次输入的密码不一致',
    },
    wetInk: '打印后手写签署',
    wetInkHint: '生成不含签名图片的打印件并存档；在纸面签字盖章后，把扫描件附加到记录。',
    wetInkDone: '已存档纸质签署用打印件。请打印、签字盖章，再把扫描件附加到这份记录。',
    attachScan: '附加纸质签署扫描件',
    scanHint: 'PDF、PNG 或 JPEG',
    attaching: '正在上传扫描件…',
    scanAttached: '已附加扫描件，并记入审计记录。',
    openRecord: '查看存档记录',
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

  stamp: {
    homeButton: '给已有 PDF 盖章',
    title: '给已有 PDF 盖章',
    intro: '打开一份已有的 PDF（例如平台下发的承诺书），把签名、公章和日期放到页面上，盖章后存入存档。',
    legalNote: '说明：仅有签名或公章的图片，并不等于《电子签名法》所称的“可靠的电子签名”；本程序保存原文件的哈希、盖章事件和签署人，供日后核对。',
    choose: '选择 PDF 文件',
    chooseOther: '换一个 PDF',
    dropHint: '或把 PDF 文件拖到这里',
    opened: (name: string, pages: number) => `${name} · 共 ${pages} 页`,
    reading: (name: string) => `正在读取 ${name}…`,
    inspecting: '正在检查 PDF…',
    stamping: '正在盖章并存档…',
    needsPassword: (name: string) => `“${name}”需要密码才能打开，请输入打开密码：`,
    wrongPassword: '密码不正确，请重新输入：',
    password: '打开密码',
    unlock: '打开',
    signedWarning: '已签名的 PDF：该文件带有数字签名。盖章将以增量更新的方式保存，原签名对已签名的版本仍然有效，但不覆盖新盖的章。',
    permissionsOnly: '该 PDF 设置了权限密码（无需密码即可打开）：盖章时将解除加密，盖章后的文件不再加密。',
    passwordUsed: '已用密码打开该 PDF：盖章后的文件不再加密。',
    rotatedPages: '部分页面是旋转的：预览按阅读方向显示，盖章位置也按阅读方向计算。',
    formFields: (count: number) => `该 PDF 含有表单（${count} 个字段）：`,
    flattenForm: '盖章后展平表单（字段不再可编辑）',
    previewFailed: '无法预览该 PDF 的页面；仍可盖章，位置由程序决定（末页右下角）。',
    signer: '签署人',
    signerName: '姓名或单位名称',
    signerType: '签署人类型',
    signerTypes: { person: '个人', company: '企业', other: '其他' },
    signature: '签名',
    draw: '手写',
    upload: '上传图片',
    uploadSignature: '签名图片（PNG 或 JPEG，白底会去除）',
    padLabel: '手写签名板',
    seal: '公章（可选）',
    uploadSeal: '公章扫描件（PNG 或 JPEG，白底会去除，印迹着红色）',
    removeSeal: '不用公章',
    crossPageSeal: '加盖骑缝章（公章分条盖在每页右边缘）',
    crossPageNeedsSeal: '骑缝章需要先上传公章。',
    date: '日期',
    dateFormat: '日期格式',
    placement: '位置',
    placementHint: '添加后在页面上拖动方框可移动（可拖到其他页），拖动右下角可调整大小；勾选“每页”则每页都盖（如小签）。',
    onPage: '添加到',
    pageOption: (page: number) => `第 ${page} 页`,
    add: (what: string) => `添加${what}框`,
    what: { signature: '签名', seal: '公章', date: '日期' } as Record<'signature' | 'seal' | 'date', string>,
    defaultPlacement: '不放置任何方框时，由程序把签名、日期和公章盖在末页右下角。',
    notPlaced: (list: string) => `只盖已放置的项目：${list}没有放置，不会盖上。`,
    needSignature: '请先手写或上传签名',
    needSigner: '请填写签署人姓名或单位名称',
    stampAndArchive: '盖章并存档',
    done: '已盖章并存档。',
    warning: (code: string): string | undefined =>
      ({
        'breaks-signature': '该 PDF 原有的数字签名因盖章而失效',
        'signature-kept': '盖章以增量更新保存：原数字签名对已签名的版本仍然有效',
        decrypted: '原 PDF 已加密：已解密后盖章，存档的文件不再加密',
        'xfa-removed': '原表单含 XFA 数据，已删除，以便各阅读器都显示普通表单和印章',
        'form-not-flattened': '表单未能展平，字段仍可编辑',
        repaired: 'PDF 有部分内容无法读取，已原样保留或删除',
        'partly-outside-page': '有印章超出了页面可见范围，超出部分被裁掉',
        'cross-page-seal-single-page': '该 PDF 只有一页，骑缝章按整枚公章盖在页边',
      })[code],
    placedHeading: '盖在了：',
    placedItem: (what: string, page: number, rect: { x: number; y: number; width: number; height: number }) =>
      `${what}：第 ${page} 页，距左 ${Math.round(rect.x)} pt、距下 ${Math.round(rect.y)} pt，${Math.round(rect.width)} × ${Math.round(rect.height)} pt`,
    openRecord: '查看存档记录',
    pageLabel: (page: number, widthPt: number, heightPt: number) => `第 ${page} 页 · ${Math.round(widthPt)} × ${Math.round(heightPt)} pt`,
    pageFailed: '此页无法预览',
    everyPage: '每页',
    boxLabel: (what: string, page: number) => `${what}方框，第 ${page} 页（方向键移动，Alt+方向键调整大小，Delete 删除）`,
    remove: (what: string) => `删除${what}框`,
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
  IMPORT_TOO_LARGE: '导入的文件过大（上限 20 MB），或其中一份承诺书过长',
  IMPORT_UNSUPPORTED: '无法读取这种文件，请导入 .docx、.doc 或纯文本',
  IMPORT_DAMAGED: '文件已损坏，无法按其格式读取',
  BLOB_NOT_FOUND: '找不到这个文件',
  BLOB_TOO_LARGE: '文件过大',
  FONT_MISSING_GLYPHS: '内容中有内置字体无法显示的字符，请改用常用汉字',
  DB_NEWER_VERSION: '数据文件来自更新版本的 Pledge Desk，请升级后再打开',
  DB_CORRUPT: '数据文件已损坏，无法读取',
  DB_MISSING: '数据文件不见了，但数据文件夹中有备份：请从备份恢复',
  STORAGE_UNAVAILABLE: '数据文件夹无法写入（只读、已满或已移除）',
  NOT_AVAILABLE: '当前运行方式不支持此操作',
  P12_BAD_PASSPHRASE: '证书密码不正确',
  P12_INVALID: '不是有效的数字证书文件（.p12/.pfx），或其中没有私钥',
  P12_UNSUPPORTED_KEY: '证书的密钥类型不支持签名（仅支持 RSA 和 ECDSA）',
  CERT_EXPIRED: '数字证书已过期',
  CERT_NOT_YET_VALID: '数字证书尚未生效，请检查本机时间',
  CERT_WRONG_USAGE: '该证书不允许用于签名',
  PDF_UNSIGNABLE: '该 PDF 无法添加数字签名（已加密或已损坏）',
  BACKUP_NOT_FOUND: '没有可以恢复的备份（没有备份，或备份都未通过完整性检查）',
  DB_NOT_DAMAGED: '数据文件没有损坏，无需从备份恢复；恢复会丢失备份之后存档的内容',
  BUNDLE_INVALID: '交换包已损坏或内容不符，未导入任何记录',
  BUNDLE_NEWER_VERSION: '交换包来自更新版本的 Pledge Desk，请升级后再导入',
  PDF_NOT_PDF: '这不是 PDF 文件',
  PDF_DAMAGED: 'PDF 文件已损坏，无法安全读取',
  PDF_ENCRYPTED: '该 PDF 需要密码才能打开',
  PDF_TOO_LARGE: 'PDF 文件过大，无法盖章',
  PDF_TIMEOUT: '处理该 PDF 超时，已停止',
  INTERNAL: '内部错误',
};

export type Messages = typeof zh;
