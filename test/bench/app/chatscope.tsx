// @chatscope/chat-ui-kit-react, used as its docs show: every conversation as a <Conversation>
// child of <ConversationList> (it does not virtualise).
import '@chatscope/chat-ui-kit-styles/dist/default/styles.min.css';
import { Avatar, Conversation, ConversationList } from '@chatscope/chat-ui-kit-react';
import { startBench } from './harness.tsx';
import { benchData, type Conversation as Data } from './data.ts';
import { formatTime, initials } from './subjects/format.ts';

function ChatscopeList({ conversations }: { conversations: Data[] }) {
  return (
    <ConversationList style={{ height: '100%' }}>
      {conversations.map((c) => (
        <Conversation
          key={c.conversationID}
          name={c.showName}
          lastSenderName={c.lastMessage?.senderName}
          info={c.draftText ? `Draft: ${c.draftText}` : c.lastMessage?.text}
          lastActivityTime={formatTime(c.lastMessage?.timestamp)}
          unreadCnt={c.unreadCount}
        >
          {c.faceUrl ? <Avatar src={c.faceUrl} name={c.showName} /> : <Avatar name={c.showName}>{initials(c.showName)}</Avatar>}
        </Conversation>
      ))}
    </ConversationList>
  );
}

startBench({
  rowSelector: '.cs-conversation',
  scroller: () => document.querySelector<HTMLElement>('.cs-conversation-list .scrollbar-container'),
  prepare: (n) => benchData(n),
  element: (conversations) => <ChatscopeList conversations={conversations} />,
});
