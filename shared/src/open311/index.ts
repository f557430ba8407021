export * from './datum';
export * from './discovery';
export * from './inputs.schema';
export * from './public-notes';
export * from './replies.schema';
export * from './services';
export * from './status';
export * from './w3c-datetime';
