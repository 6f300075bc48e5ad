import type { TicketReceipt } from '../src/printing/ticket-layout';

/** The fixed ticket whose bytes are checked in under golden/escpos/. */
export const FIXED_TICKET: TicketReceipt = {
  hallName: '省人事厅公共服务大厅',
  callNumber: 'B007',
  serviceName: '公务员录用审批',
  issuedAt: '2026-11-27 09:05',
  peopleAhead: 6,
  serviceNumber: '370000 261127 00007 4',
  verificationCode: '052917',
  promisedWorkingDays: 15,
  priorityLabel: null,
  trackUrl: 'http://192.168.1.10:8080/display/ticket?t=2026-11-27%2FB007&sn=370000261127000074&c=052917',
  materials: ['拟录用人员名单及录用审批表', '体检结论及考察材料', '录用单位请示文件'],
};
