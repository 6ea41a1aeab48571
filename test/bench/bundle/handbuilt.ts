// The hand-built list (its row component and the virtualiser).
export { HandBuiltList } from '../app/subjects/tanstack.tsx';
