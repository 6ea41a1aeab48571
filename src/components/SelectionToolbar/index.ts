export { SelectionToolbar, type SelectionToolbarProps } from './SelectionToolbar.js';
