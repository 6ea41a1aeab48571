import { startBench } from './harness.tsx';
import { benchData } from './data.ts';
import { HandBuiltList } from './subjects/tanstack.tsx';

startBench({
  rowSelector: '.hb-row',
  scroller: () => document.querySelector<HTMLElement>('.hb-list'),
  prepare: (n) => benchData(n),
  element: (conversations) => <HandBuiltList conversations={conversations} />,
});
