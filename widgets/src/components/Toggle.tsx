import { Component, type ComponentChildren } from 'preact';

export interface ToggleProps {
  /** Initial state only; afterwards the reader's clicks own it. */
  open?: boolean;
  children: (expanded: boolean, toggle: () => void) => ComponentChildren;
}

/**
 * Expanded/collapsed state for a disclosure. A class rather than useState: preact/hooks would cost the
 * bundle about a kilobyte gzipped for this one use.
 */
export class Toggle extends Component<ToggleProps, { expanded: boolean }> {
  override state = { expanded: !!this.props.open };

  private _toggle = (): void => this.setState({ expanded: !this.state.expanded });

  override render() {
    return this.props.children(this.state.expanded, this._toggle);
  }
}
