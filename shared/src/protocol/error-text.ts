import type { ErrorCode } from './ack';

/**
 * What each error means to the person who met it, in both languages: the
 * apps show these, and docs/protocol.md lists them. Each says what to do.
 */
export const ERROR_TEXT: Record<ErrorCode, { zh: string; en: string }> = {
  'day-not-open': {
    zh: '今日大厅尚未开始办公，请稍候。',
    en: 'The hall has not opened for today yet. Please wait.',
  },
  'day-already-open': { zh: '今日已开始办公。', en: 'Today is already open.' },
  'hall-closed': {
    zh: '大厅现在不在办公时间，请在开放时间内取号。',
    en: 'The hall is closed now. Please come back during opening hours.',
  },
  'past-cutoff': {
    zh: '今日取号已截止，请下一个工作日再来。',
    en: 'Ticketing has closed for today. Please come back on the next working day.',
  },
  'daily-cap-reached': {
    zh: '该事项今日号已取完，请下一个工作日再来。',
    en: 'All of today’s tickets for this service are taken. Please come back on the next working day.',
  },
  'unknown-service': { zh: '没有这个办理事项。', en: 'No such service.' },
  'unknown-counter': { zh: '没有这个窗口。', en: 'No such counter.' },
  'unknown-skill': { zh: '没有这个业务类别。', en: 'No such kind of work.' },
  'unknown-department': { zh: '没有这个业务处室。', en: 'No such department.' },
  'unknown-ticket': { zh: '没有这张号。', en: 'No such ticket.' },
  'unknown-case': { zh: '没有这个办件。', en: 'No such case.' },
  'unknown-pause-reason': { zh: '请选择暂停原因。', en: 'Please choose a reason for the pause.' },
  'unknown-green-reason': { zh: '请选择绿色通道类别。', en: 'Please choose a green-channel category.' },
  'green-reason-required': { zh: '绿色通道需要选择类别。', en: 'The green channel needs a category.' },
  'appointments-not-offered': {
    zh: '该事项不接受预约，请现场取号。',
    en: 'This service takes no appointments; please take a ticket here.',
  },
  'appointment-channel-required': {
    zh: '预约号只能通过预约取得。',
    en: 'Appointment tickets come only from a booking.',
  },
  'idempotency-key-reused': {
    zh: '请求重复，请重新操作。',
    en: 'That request was already used for something else; please try again.',
  },
  'invalid-verification-code': { zh: '验证码格式不正确。', en: 'The verification code is not valid.' },
  'call-numbers-exhausted': {
    zh: '该事项今日号码已用完，请联系工作人员。',
    en: 'This service has run out of numbers today; please ask a member of staff.',
  },
  'service-numbers-exhausted': {
    zh: '今日服务编号已用完，请联系工作人员。',
    en: 'Today’s service numbers have run out; please ask a member of staff.',
  },
  'counter-occupied': { zh: '该窗口已有其他人员登录。', en: 'Someone else is signed in at this counter.' },
  'clerk-elsewhere': {
    zh: '您已在其他窗口登录，请先在那里退出。',
    en: 'You are signed in at another counter; sign out there first.',
  },
  'clerk-not-logged-in': { zh: '请先登录窗口。', en: 'Sign in at the counter first.' },
  'counter-not-open': { zh: '窗口未开启，请先开启窗口。', en: 'The counter is not open; open it first.' },
  'counter-not-paused': { zh: '窗口没有暂停。', en: 'The counter is not paused.' },
  'counter-already-open': { zh: '窗口已开启。', en: 'The counter is already open.' },
  'counter-busy': { zh: '请先办结或处理当前号。', en: 'Finish or pass on the current ticket first.' },
  'counter-cannot-serve': { zh: '本窗口不能办理这张号。', en: 'This counter cannot serve that ticket.' },
  'queue-empty': { zh: '当前没有等候的号。', en: 'Nobody is waiting.' },
  'no-current-ticket': { zh: '当前没有正在办理的号。', en: 'There is no current ticket.' },
  'ticket-not-waiting': { zh: '这张号不在等候中。', en: 'That ticket is not waiting.' },
  'ticket-not-called': { zh: '这张号已在办理中。', en: 'That ticket is already being served.' },
  'ticket-not-serving': { zh: '请先点击“开始办理”。', en: 'Press “Start serving” first.' },
  'ticket-not-cancellable': {
    zh: '这张号已在办理或已结束，不能取消。',
    en: 'That ticket is being served or has ended; it cannot be cancelled.',
  },
  'recall-limit-reached': {
    zh: '已达到重呼次数上限，可标记为过号。',
    en: 'No recalls left; you can mark a no-show.',
  },
  'transfer-to-self': { zh: '不能转给本窗口。', en: 'You cannot transfer to your own counter.' },
  'case-not-forwarded': {
    zh: '该办件没有转办到处室。',
    en: 'That case has not been forwarded to a department.',
  },
  'case-not-accepted': { zh: '请先签收该办件。', en: 'Accept the case first.' },
  'case-already-accepted': { zh: '该办件已签收。', en: 'That case has already been accepted.' },
  'wrong-department': { zh: '该办件不属于本处室。', en: 'That case belongs to another department.' },
  'nothing-to-rate': {
    zh: '本窗口还没有办结的环节可评价，请在办结后再评价。',
    en: 'Nothing has been completed at this counter yet; rate after a step is completed.',
  },
  'step-already-rated': {
    zh: '这一环节已经评价过了，谢谢。',
    en: 'This step has already been rated. Thank you.',
  },
  'invalid-payload': { zh: '请求内容有误。', en: 'The request was not understood.' },
  'unknown-request': { zh: '不支持的请求。', en: 'Unknown request.' },
  unauthenticated: { zh: '请先登录。', en: 'Please sign in.' },
  'session-expired': {
    zh: '登录已过期，请重新登录。',
    en: 'Your session has expired; please sign in again.',
  },
  forbidden: { zh: '您没有权限进行此操作。', en: 'You are not allowed to do that.' },
  'not-found': {
    zh: '未找到该办件，请核对服务编号和验证码。',
    en: 'No case found. Check the service number and verification code.',
  },
  'service-number-check-digit': {
    zh: '服务编号有误，可能输错了一位或颠倒了相邻两位，请核对。',
    en: 'That service number has a typo (a wrong digit or two swapped digits). Please check it.',
  },
  'rate-limited': {
    zh: '查询过于频繁，请稍后再试。',
    en: 'Too many requests. Please wait a moment and try again.',
  },
  'invalid-credentials': { zh: '用户名或密码不正确。', en: 'Wrong username or password.' },
  'invalid-config': {
    zh: '配置文件有误，未生效，请按提示修改。',
    en: 'The configuration has problems and was not applied; fix what is listed.',
  },
  'storage-unavailable': {
    zh: '系统暂时无法保存，本次操作未生效，请稍后重试或联系工作人员。',
    en: 'The system cannot save right now; nothing was changed. Try again shortly or ask a member of staff.',
  },
  'internal-error': {
    zh: '系统出错，请联系工作人员。',
    en: 'Something went wrong. Please ask a member of staff.',
  },
};
