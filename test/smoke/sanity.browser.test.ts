it('runs in a real browser with layout', () => {
  const div = document.createElement('div');
  div.style.width = '123px';
  document.body.append(div);
  expect(div.getBoundingClientRect().width).toBe(123);
});
