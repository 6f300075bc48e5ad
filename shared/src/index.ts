// The public face of @yizhan/shared: domain types, the hall configuration,
// the pure hall engine and its read models. Browser-safe throughout.

export * from './config/hall-config-schema';
export * from './config/check-cross-references';
export * from './config/parse-hall-config';
export * from './config/compile-hall-config';

export * from './time/zoned-time';

export * from './hall/types';
export * from './hall/events';
export * from './hall/commands';
export * from './hall/errors';
export * from './hall/decision';
export { decide } from './hall/decide';
export { applyEvent, RECENT_CALLS_KEPT } from './hall/apply-event';
export { execute } from './hall/engine';
export { createHallState } from './hall/state';
export { selectNext, type Selection, type RatioCycle } from './hall/routing';
export * from './hall/calendar';
export * from './hall/service-number';
export * from './hall/announcement';
export * from './hall/overdue';
export * from './hall/estimate-wait';
export * from './hall/board-view';
export * from './hall/counter-view';
export * from './hall/case-tracking';
export * from './hall/state-snapshot';
export * from './protocol';
export * from './client/hall-feed';
export * from './config/parse-json-config';
