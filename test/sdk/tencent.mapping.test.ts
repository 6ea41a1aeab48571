import { mapTencentConversation } from '../../src/sdk/tencent/index.js';
import type { TencentConversationLike } from '../../src/sdk/tencent/index.js';
import { webConversation, webMessage, webText } from './fakes/fakeTencentChat.js';

const map = (web: TencentConversationLike) => mapTencentConversation(web);

describe('given a one-to-one web conversation', () => {
  it('maps ID, type, userID, avatar, unread, pin, draft and marks', () => {
    const c = map(
      webConversation('C2Calice', {
        userProfile: { userID: 'alice', nick: 'Alice', avatar: 'https://a/alice.png' },
        unreadCount: 3,
        isPinned: true,
        draftText: 'half a thought',
        markList: [2],
      }),
    );
    expect(c).toMatchObject({
      conversationID: 'C2Calice',
      type: 'c2c',
      userID: 'alice',
      showName: 'Alice',
      faceUrl: 'https://a/alice.png',
      unreadCount: 3,
      isPinned: true,
      draftText: 'half a thought',
      markList: [2],
    });
    expect(c.groupID).toBeUndefined();
    expect(c.hasAtMention).toBeUndefined();
  });

  describe('showName falls back', () => {
    it('remark first', () => {
      expect(map(webConversation('C2Cbob', { remark: 'Bobby', userProfile: { userID: 'bob', nick: 'Bob', avatar: '' } })).showName).toBe('Bobby');
    });
    it('then the nickname', () => {
      expect(map(webConversation('C2Cbob', { userProfile: { userID: 'bob', nick: 'Bob', avatar: '' } })).showName).toBe('Bob');
    });
    it('then the bare user ID, without the C2C prefix', () => {
      expect(map(webConversation('C2Cbob')).showName).toBe('bob');
    });
    it('then the ID from the conversation ID when the profile is missing', () => {
      expect(map({ conversationID: 'C2Ccarol' }).showName).toBe('carol');
      expect(map({ conversationID: 'C2Ccarol' }).userID).toBe('carol');
    });
  });

  it('has no lastMessage and orderKey 0 without messages (SDK empty lastMessage)', () => {
    const c = map(webConversation('C2Cbob'));
    expect(c.lastMessage).toBeUndefined();
    expect(c.orderKey).toBe(0);
  });

  it('turns lastTime seconds into ms for timestamp and orderKey; no senderName in c2c', () => {
    const c = map(webConversation('C2Cbob', { lastMessage: webText('hi', { lastTime: 1_700_000_123, nick: 'Bob', fromAccount: 'bob' }) }));
    expect(c.lastMessage).toEqual({ text: 'hi', timestamp: 1_700_000_123_000 });
    expect(c.orderKey).toBe(1_700_000_123_000);
  });
});

describe('given a group web conversation', () => {
  const group = (init: Parameters<typeof webConversation>[1] = {}) =>
    webConversation('GROUPteam', {
      groupProfile: { groupID: 'team', name: 'The Team', avatar: 'https://a/team.png', type: 'Work' },
      ...init,
    });

  it('maps type, groupID, name and avatar', () => {
    expect(map(group())).toMatchObject({ type: 'group', groupID: 'team', showName: 'The Team', faceUrl: 'https://a/team.png' });
  });
  it('falls back to the bare group ID', () => {
    expect(map(webConversation('GROUPteam')).showName).toBe('team');
  });
  it('maps topic conversations as groups', () => {
    expect(map({ conversationID: 'GROUP@TGS#_x@TOPIC#_y', type: 'TOPIC' }).type).toBe('group');
  });
  it('sets hasAtMention when groupAtInfoList is non-empty', () => {
    expect(map(group({ groupAtInfoList: [{ atTypeArray: [1] }] })).hasAtMention).toBe(true);
    expect(map(group({ groupAtInfoList: [] })).hasAtMention).toBeUndefined();
  });
  describe('senderName', () => {
    it('is the name card first', () => {
      expect(map(group({ lastMessage: webText('x', { nameCard: 'Captain', nick: 'Ann', fromAccount: 'ann' }) })).lastMessage?.senderName).toBe('Captain');
    });
    it('then the nickname', () => {
      expect(map(group({ lastMessage: webText('x', { nick: 'Ann', fromAccount: 'ann' }) })).lastMessage?.senderName).toBe('Ann');
    });
    it('then the sender account', () => {
      expect(map(group({ lastMessage: webText('x', { fromAccount: 'ann' }) })).lastMessage?.senderName).toBe('ann');
    });
    it('is absent for group tips', () => {
      expect(map(group({ lastMessage: webMessage('TIMGroupTipElem', { fromAccount: 'admin' }) })).lastMessage?.senderName).toBeUndefined();
    });
  });
});

describe('given each last-message type', () => {
  const text = (message: ReturnType<typeof webMessage>, id = 'C2Cbob') =>
    map(webConversation(id, { lastMessage: message })).lastMessage?.text;

  it.each([
    ['TIMTextElem', { text: 'hello there' }, 'hello there'],
    ['TIMImageElem', {}, '[Image]'],
    ['TIMFileElem', { fileName: 'report.pdf' }, '[File] report.pdf'],
    ['TIMFileElem', {}, '[File]'],
    ['TIMSoundElem', {}, '[Voice]'],
    ['TIMVideoFileElem', {}, '[Video]'],
    ['TIMCustomElem', { data: '{"x":1}' }, '[Custom]'],
    ['TIMCustomElem', { description: '[Order #42]' }, '[Order #42]'],
    ['TIMFaceElem', { index: 1 }, '[Sticker]'],
    ['TIMLocationElem', { description: 'Shenzhen Bay' }, '[Location] Shenzhen Bay'],
    ['TIMRelayElem', { title: 'Chat history of Ann and Bob' }, '[Chat History] Chat history of Ann and Bob'],
    ['TIMGroupTipElem', { operationType: 1 }, '[Group Notification]'],
    ['TIMGroupSystemNoticeElem', {}, '[Group System Message]'],
  ])('%s %j → %s', (type, payload, expected) => {
    expect(text(webMessage(type, { payload }))).toBe(expected);
  });

  it('falls back to the SDK messageForShow for unknown types', () => {
    expect(text(webMessage('TIMSomethingNewElem', { messageForShow: '[New thing]' }))).toBe('[New thing]');
  });

  it('uses messageForShow when a text payload is missing', () => {
    expect(text(webMessage('TIMTextElem', { payload: null, messageForShow: 'from SDK' }))).toBe('from SDK');
  });

  describe('a recalled message', () => {
    it('by the peer in a one-to-one chat names the peer', () => {
      const web = webConversation('C2Cbob', {
        userProfile: { userID: 'bob', nick: 'Bob', avatar: '' },
        lastMessage: webText('oops', { isRevoked: true, fromAccount: 'bob' }),
      });
      expect(map(web).lastMessage?.text).toBe('Bob recalled a message');
    });
    it('by me in a one-to-one chat says You', () => {
      const web = webConversation('C2Cbob', { lastMessage: webText('oops', { isRevoked: true, fromAccount: 'me' }) });
      expect(map(web).lastMessage?.text).toBe('You recalled a message');
    });
    it('in a group names the revoker, then the sender', () => {
      const byAdmin = webConversation('GROUPteam', { lastMessage: webText('x', { isRevoked: true, nick: 'Ann', revoker: 'admin' }) });
      expect(map(byAdmin).lastMessage?.text).toBe('admin recalled a message');
      const bySender = webConversation('GROUPteam', { lastMessage: webText('x', { isRevoked: true, nick: 'Ann' }) });
      expect(map(bySender).lastMessage?.text).toBe('Ann recalled a message');
    });
  });

  it('takes localised labels and a custom formatter', () => {
    const web = webConversation('C2Cbob', { lastMessage: webMessage('TIMImageElem') });
    expect(mapTencentConversation(web, { labels: { image: '[图片]' } }).lastMessage?.text).toBe('[图片]');
    const formatted = mapTencentConversation(web, { formatLastMessage: (m) => (m.type === 'TIMImageElem' ? 'a photo' : undefined) });
    expect(formatted.lastMessage?.text).toBe('a photo');
    const fallback = mapTencentConversation(webConversation('C2Cbob', { lastMessage: webMessage('TIMSoundElem') }), {
      formatLastMessage: () => undefined,
    });
    expect(fallback.lastMessage?.text).toBe('[Voice]');
  });
});

describe('given broken or partial SDK data', () => {
  it.each<[string, unknown]>([
    ['an empty object', {}],
    ['null profiles and lastMessage', { conversationID: 'GROUPx', groupProfile: null, userProfile: null, lastMessage: null, groupAtInfoList: null, markList: null }],
    ['wrong field types', { conversationID: 'C2Cx', unreadCount: 'many', isPinned: 'yes', lastMessage: { lastTime: 'soon', payload: 'text' }, markList: 'x' }],
    ['a string lastTime', { conversationID: 'C2Cx', lastMessage: { lastTime: '1700000000', type: 'TIMTextElem', payload: { text: 'hi' } } }],
    ['null', null],
  ])('never crashes on %s', (_name, web) => {
    const c = map(web as TencentConversationLike);
    expect(typeof c.showName).toBe('string');
    expect(Number.isFinite(c.orderKey)).toBe(true);
    expect(Number.isInteger(c.unreadCount) && c.unreadCount >= 0).toBe(true);
    expect(typeof c.isPinned).toBe('boolean');
  });

  it('reads a numeric-string lastTime', () => {
    const c = map({ conversationID: 'C2Cx', lastMessage: { lastTime: '1700000000', type: 'TIMTextElem', payload: { text: 'hi' } } });
    expect(c.lastMessage).toEqual({ text: 'hi', timestamp: 1_700_000_000_000 });
  });
});
