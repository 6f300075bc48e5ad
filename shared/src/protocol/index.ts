export * from './ack';
export * from './payloads';
export * from './event-views';
export * from './socket-events';
export * from './error-text';
