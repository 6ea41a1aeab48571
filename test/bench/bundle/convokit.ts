// What `import { ConversationList } from 'convokit'` pulls in.
export { ConversationList } from '../../../src/index.ts';
