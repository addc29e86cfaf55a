import { clampHeight, isResizeMessage, watchIframes } from '../../widgets/src/iframe-resize';

/** Just enough of a window and its iframes for the message handler. */
function fakePage(attributes: Record<string, string> = {}) {
  const asked: unknown[] = [];
  const embedWindow = { postMessage: (message: unknown, target: string) => asked.push([message, target]) };
  const otherWindow = {};
  const frame = { src: 'https://backstory.example/embed/what-is-isis-k', contentWindow: embedWindow, style: { height: '' }, getAttribute: (name: string) => attributes[name] ?? null };
  let listener: ((event: MessageEvent) => void) | undefined;
  const win = {
    document: { querySelectorAll: (selector: string) => (selector === 'iframe[data-backstory]' ? [frame] : []) },
    addEventListener: (type: string, fn: (event: MessageEvent) => void) => type === 'message' && (listener = fn),
    removeEventListener: (type: string, fn: unknown) => fn === listener && (listener = undefined),
  } as unknown as Window;
  const post = (data: unknown, origin: string, source: unknown) => listener?.({ data, origin, source } as MessageEvent);
  return { win, frame, embedWindow, otherWindow, post, asked, listening: () => listener !== undefined };
}

describe('iframe resize messages', () => {
  it('recognises only { type: "backstory:resize", height: number }', () => {
    expect(isResizeMessage({ type: 'backstory:resize', height: 300 })).toBe(true);
    expect(isResizeMessage({ type: 'backstory:resize', height: '300' })).toBe(false);
    expect(isResizeMessage({ type: 'backstory:resize', height: NaN })).toBe(false);
    expect(isResizeMessage({ type: 'other', height: 300 })).toBe(false);
    expect(isResizeMessage('backstory:resize')).toBe(false);
    expect(isResizeMessage(null)).toBe(false);
  });

  it('clamps heights to 0..4000', () => {
    expect([-5, 0, 321.6, 4000, 99999].map(clampHeight)).toEqual([0, 0, 322, 4000, 4000]);
  });

  it('resizes the iframe the message came from, from its own origin', () => {
    const page = fakePage();
    watchIframes(page.win);
    page.post({ type: 'backstory:resize', height: 480 }, 'https://backstory.example', page.embedWindow);
    expect(page.frame.style.height).toBe('480px');
    page.post({ type: 'backstory:resize', height: 1e9 }, 'https://backstory.example', page.embedWindow);
    expect(page.frame.style.height).toBe('4000px');
  });

  it('never makes the iframe shorter than the height its snippet reserved', () => {
    const page = fakePage({ height: '206' });
    watchIframes(page.win);
    page.post({ type: 'backstory:resize', height: 60 }, 'https://backstory.example', page.embedWindow);
    expect(page.frame.style.height).toBe('206px');
    page.post({ type: 'backstory:resize', height: 480 }, 'https://backstory.example', page.embedWindow);
    expect(page.frame.style.height).toBe('480px');
    const unsized = fakePage({ height: '100%' });
    watchIframes(unsized.win);
    unsized.post({ type: 'backstory:resize', height: 60 }, 'https://backstory.example', unsized.embedWindow);
    expect(unsized.frame.style.height).toBe('60px');
  });

  it('ignores the right window from the wrong origin, and the right origin from another window', () => {
    const page = fakePage();
    watchIframes(page.win);
    page.post({ type: 'backstory:resize', height: 480 }, 'https://evil.example', page.embedWindow);
    page.post({ type: 'backstory:resize', height: 480 }, 'https://backstory.example', page.otherWindow);
    page.post({ type: 'backstory:resize', height: 480 }, 'https://backstory.example', null);
    expect(page.frame.style.height).toBe('');
  });

  it('asks each embed already on the page to tell its height again, once, when it starts', () => {
    const page = fakePage();
    watchIframes(page.win);
    expect(page.asked).toEqual([['backstory:resize', '*']]);
  });

  it('stops listening when asked', () => {
    const page = fakePage();
    const stop = watchIframes(page.win);
    expect(page.listening()).toBe(true);
    stop();
    expect(page.listening()).toBe(false);
  });
});
