// The Daily Meridian's theme switch: automatic, dark, light. It sets data-theme on <html>, the way many
// sites do; a Backstory box with theme="auto" (the default) follows it.
(function () {
  var button = document.getElementById('theme-toggle');
  if (!button) return;
  var order = ['auto', 'dark', 'light'];
  var names = { auto: 'automatic', dark: 'dark', light: 'light' };
  var current = 'auto';
  button.addEventListener('click', function () {
    current = order[(order.indexOf(current) + 1) % order.length];
    if (current === 'auto') document.documentElement.removeAttribute('data-theme');
    else document.documentElement.setAttribute('data-theme', current);
    button.textContent = 'Theme: ' + names[current];
  });
})();
