/**
 * What widgets/build.ts has esbuild call for JSX in the bundles: Preact's own h() and Fragment, where the
 * automatic runtime (tsconfig's react-jsx, which the server's renders keep) would add preact/jsx-runtime's
 * second vnode factory and wrap every element's children in a `children` prop.
 */
export { Fragment, h } from 'preact';
