import { version } from 'react';
import { render } from '@testing-library/react';

it('renders in Chromium with the React this project runs on', () => {
  const { container } = render(<p>React {version}</p>);
  expect(container.textContent).toContain(import.meta.env.CK_REACT === '18' ? 'React 18.' : 'React 19.');
});
