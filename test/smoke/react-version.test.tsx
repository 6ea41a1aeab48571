import { version } from 'react';
import { render, screen } from '@testing-library/react';

it('renders with the React this project runs on', () => {
  render(<p>React {version}</p>);
  const expected = process.env.CK_REACT === '18' ? '18.' : '19.';
  expect(screen.getByText(/React/).textContent).toContain(expected);
});
