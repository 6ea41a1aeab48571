export {
  Avatar,
  ConversationRow,
  ConversationRowSkeleton,
  formatBadge,
  getDisplayName,
  getRowLabel,
  type AvatarProps,
  type ConversationRowProps,
  type ConversationRowSkeletonProps,
} from './ConversationRow.js';
export { colorIndex, getInitials } from './initials.js';
