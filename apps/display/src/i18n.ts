import type { LocalizedText } from '@yizhan/shared';

/** Every word the displays show, zh first; `?lang=en` or the bilingual wall (`?lang=zh-en`) add English. */
export const TEXT = {
  title: { zh: '叫号信息', en: 'Now calling' },
  newest: { zh: '请', en: 'Ticket' },
  toCounter: { zh: '号到', en: 'please go to counter' },
  counterSuffix: { zh: '号窗口办理', en: '' },
  latestCalls: { zh: '最近叫号', en: 'Latest calls' },
  counters: { zh: '窗口', en: 'Counters' },
  counter: { zh: '窗口', en: 'Counter' },
  waiting: { zh: '等候人数', en: 'Waiting' },
  people: { zh: '人', en: '' },
  closed: { zh: '暂停服务', en: 'Closed' },
  paused: { zh: '暂停', en: 'Paused' },
  open: { zh: '空闲', en: 'Free' },
  serving: { zh: '办理中', en: 'Serving' },
  recall: { zh: '重呼', en: 'Recall' },
  stale: {
    zh: '与服务器的连接已中断，显示内容可能不是最新的',
    en: 'Lost the connection to the server; what you see may be out of date',
  },
  connecting: { zh: '正在连接…', en: 'Connecting…' },
  dayClosed: { zh: '今日未开始办公', en: 'The hall is not open today' },
  clerk: { zh: '工作人员', en: 'Clerk' },
  nowServing: { zh: '当前号码', en: 'Now serving' },
  noCall: { zh: '——', en: '—' },
  board: { zh: '大厅叫号', en: 'Hall board' },
  yourTicket: { zh: '您的号码', en: 'Your ticket' },
  ahead: { zh: '前面还有', en: 'People ahead' },
  calledYou: { zh: '轮到您了！请到', en: 'It is your turn! Please go to counter' },
  calledYouSuffix: { zh: '号窗口办理', en: '' },
  notWaiting: { zh: '此号码当前不在等候队列中', en: 'This ticket is not in the queue now' },
  soundOn: { zh: '开启提示音', en: 'Turn on sound' },
  soundIsOn: { zh: '提示音已开启', en: 'Sound is on' },
  track: { zh: '办件进度查询', en: 'Track your case' },
  serviceNumber: { zh: '服务编号（18位）', en: 'Service number (18 digits)' },
  code: { zh: '验证码（6位）', en: 'Verification code (6 digits)' },
  search: { zh: '查询', en: 'Look up' },
  searching: { zh: '正在查询…', en: 'Looking up…' },
  typo: {
    zh: '服务编号有误（校验位不符），请核对取号凭条上的编号。',
    en: 'That service number has a typo (its check digit does not match). Please check it against your ticket.',
  },
  notFound: {
    zh: '服务编号或验证码不正确，请核对后重试。',
    en: 'The service number or verification code is not right. Please check them and try again.',
  },
  rateLimited: {
    zh: '查询过于频繁，请 {s} 秒后再试。',
    en: 'Too many look-ups. Please try again in {s} seconds.',
  },
  offline: { zh: '无法连接服务器，请稍后再试。', en: 'Cannot reach the server. Please try again later.' },
  stage: { zh: '办理阶段', en: 'Stage' },
  where: { zh: '办理地点', en: 'Where' },
  dueDate: { zh: '承诺办结日期', en: 'Due date' },
  overdue: { zh: '已超期', en: 'Overdue' },
  onTime: { zh: '未超期', en: 'On time' },
  timeline: { zh: '办理记录', en: 'Timeline' },
  result: { zh: '办理结果', en: 'Result' },
  trackLink: { zh: '查询办件进度', en: 'Track a case' },
  boardLink: { zh: '查看大厅叫号', en: 'See the hall board' },
} satisfies Record<string, LocalizedText>;

export type TextKey = keyof typeof TEXT;

export const STAGE_TEXT: Record<string, LocalizedText> = {
  waiting: { zh: '排队等候', en: 'Waiting in the hall' },
  'at-counter': { zh: '窗口办理中', en: 'At a counter' },
  forwarded: { zh: '已转送业务处室', en: 'Sent to a department' },
  'in-department': { zh: '业务处室办理中', en: 'Being handled by the department' },
  completed: { zh: '已办结', en: 'Completed' },
  ended: { zh: '已结束', en: 'Ended' },
};

export const RESULT_TEXT: Record<string, LocalizedText> = {
  completed: { zh: '办结', en: 'Completed' },
  approved: { zh: '准予办理', en: 'Approved' },
  rejected: { zh: '不予办理', en: 'Rejected' },
  'more-materials': { zh: '需补充材料', en: 'More documents needed' },
};

export const TIMELINE_TEXT: Record<string, LocalizedText> = {
  issued: { zh: '取号', en: 'Ticket taken' },
  called: { zh: '叫号', en: 'Called' },
  serving: { zh: '开始办理', en: 'Being served' },
  'step-completed': { zh: '窗口环节完成', en: 'Step done at the counter' },
  transferred: { zh: '转窗口', en: 'Transferred' },
  'no-show': { zh: '过号', en: 'Missed the call' },
  forwarded: { zh: '转送业务处室', en: 'Sent to a department' },
  accepted: { zh: '业务处室受理', en: 'Accepted by the department' },
  progress: { zh: '办理进展', en: 'Progress' },
  completed: { zh: '办结', en: 'Completed' },
  ended: { zh: '结束', en: 'Ended' },
};

export type Lang = 'zh' | 'en' | 'zh-en';

/** `?lang=en`, `?lang=zh-en` (bilingual: both lines), default zh. */
export function langFromUrl(search: string): Lang {
  const lang = new URLSearchParams(search).get('lang');
  return lang === 'en' || lang === 'zh-en' ? lang : 'zh';
}

/** The text in the primary language (zh unless `en`). */
export function pick(text: LocalizedText, lang: Lang): string {
  return lang === 'en' ? text.en : text.zh;
}

/** The second line of a bilingual screen, or null. */
export function second(text: LocalizedText, lang: Lang): string | null {
  return lang === 'zh-en' && text.en ? text.en : null;
}

export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}
