/**
 * The Backstory box block in the editor: a picker that searches published explainers through the
 * plugin's own REST route (which holds the key), then a live preview of the box as readers see it
 * (Backstory's embed page) with the box's options in the sidebar. Plain JavaScript against the editor's
 * globals: nothing to build. The front end is rendered by PHP (render_callback).
 */
( function ( wp ) {
	'use strict';
	const el = wp.element.createElement;
	const { Fragment, useEffect, useRef, useState } = wp.element;
	const { __, sprintf } = wp.i18n;
	const { InspectorControls, useBlockProps } = wp.blockEditor;
	const { Button, Notice, PanelBody, Placeholder, SelectControl, Spinner, TextControl } = wp.components;
	const apiFetch = wp.apiFetch;

	const config = () => window.backstoryEditor || { apiUrl: '', configured: false, variant: 'compact', theme: 'auto' };
	/** The collapsed box's height (Backstory's oEmbed gives its iframe the same). */
	const COLLAPSED_HEIGHT = 206;

	function Picker( { onPick } ) {
		const [ search, setSearch ] = useState( '' );
		const [ state, setState ] = useState( { busy: false, explainers: null, error: '' } );
		useEffect( () => {
			const words = search.trim();
			if ( words.length < 2 ) {
				setState( { busy: false, explainers: null, error: '' } );
				return undefined;
			}
			let current = true;
			setState( ( s ) => ( { ...s, busy: true } ) );
			const timer = setTimeout( () => {
				apiFetch( { path: '/backstory/v1/explainers?search=' + encodeURIComponent( words ) } ).then(
					( answer ) => current && setState( { busy: false, explainers: answer.explainers, error: '' } ),
					( error ) => current && setState( { busy: false, explainers: null, error: error.message || String( error ) } )
				);
			}, 250 );
			return () => {
				current = false;
				clearTimeout( timer );
			};
		}, [ search ] );

		return el(
			Placeholder,
			{ icon: 'info-outline', label: __( 'Backstory box', 'backstory' ), instructions: __( 'Search your newsroom’s published explainers.', 'backstory' ) },
			el(
				'div',
				{ className: 'backstory-picker' },
				config().configured
					? null
					: el( Notice, { status: 'warning', isDismissible: false }, __( 'Backstory is not configured yet: set its URL and key in Settings → Backstory.', 'backstory' ) ),
				el( TextControl, {
					label: __( 'Explainer', 'backstory' ),
					hideLabelFromVision: true,
					placeholder: __( 'ISIS-K, Khorasan…', 'backstory' ),
					value: search,
					onChange: setSearch,
					className: 'backstory-picker__search',
				} ),
				state.busy ? el( Spinner ) : null,
				state.error ? el( Notice, { status: 'error', isDismissible: false }, state.error ) : null,
				state.explainers && state.explainers.length === 0 ? el( 'p', null, __( 'No published explainer matches.', 'backstory' ) ) : null,
				state.explainers && state.explainers.length > 0
					? el(
							'ul',
							{ className: 'backstory-picker__results', role: 'list' },
							state.explainers.map( ( x ) =>
								el(
									'li',
									{ key: x.slug },
									el(
										Button,
										{ variant: 'secondary', className: 'backstory-picker__result', onClick: () => onPick( x ) },
										el( 'strong', null, x.title ),
										el( 'span', null, x.summary )
									)
								)
							)
					  )
					: null
			)
		);
	}

	/** Backstory's embed page, sized to the box by the backstory:resize messages it posts. */
	function Preview( { attributes } ) {
		const frame = useRef();
		const [ height, setHeight ] = useState( COLLAPSED_HEIGHT );
		const api = config().apiUrl;
		const origin = api ? new URL( api ).origin : '';
		useEffect( () => {
			const listen = ( event ) => {
				if ( ! frame.current || event.source !== frame.current.contentWindow || event.origin !== origin ) return;
				const data = event.data;
				if ( data && data.type === 'backstory:resize' && typeof data.height === 'number' && data.height > 0 && data.height < 5000 ) {
					setHeight( Math.ceil( data.height ) );
				}
			};
			window.addEventListener( 'message', listen );
			return () => window.removeEventListener( 'message', listen );
		}, [ origin ] );
		if ( ! api ) return null;
		const query = new URLSearchParams( {
			variant: attributes.variant || config().variant,
			theme: attributes.theme || config().theme,
		} );
		return el( 'iframe', {
			ref: frame,
			className: 'backstory-preview',
			src: api + '/embed/explainers/' + encodeURIComponent( attributes.explainer ) + '?' + query.toString(),
			title: sprintf( __( 'Backstory: %s', 'backstory' ), attributes.title || attributes.explainer ),
			height,
			loading: 'lazy',
		} );
	}

	function Edit( { attributes, setAttributes } ) {
		const blockProps = useBlockProps();
		if ( ! attributes.explainer ) {
			return el( 'div', blockProps, el( Picker, { onPick: ( x ) => setAttributes( { explainer: x.slug, title: x.title } ) } ) );
		}
		const option = ( value, label ) => ( { value, label } );
		return el(
			Fragment,
			null,
			el(
				InspectorControls,
				null,
				el(
					PanelBody,
					{ title: __( 'Box', 'backstory' ) },
					el( 'p', null, attributes.title || attributes.explainer ),
					el( SelectControl, {
						label: __( 'Variant', 'backstory' ),
						value: attributes.variant,
						options: [ option( '', __( 'Site default', 'backstory' ) ), option( 'compact', __( 'Compact', 'backstory' ) ), option( 'full', __( 'Full', 'backstory' ) ) ],
						onChange: ( variant ) => setAttributes( { variant } ),
					} ),
					el( SelectControl, {
						label: __( 'Theme', 'backstory' ),
						value: attributes.theme,
						options: [ option( '', __( 'Site default', 'backstory' ) ), option( 'auto', __( 'Follow the page', 'backstory' ) ), option( 'light', __( 'Light', 'backstory' ) ), option( 'dark', __( 'Dark', 'backstory' ) ) ],
						onChange: ( theme ) => setAttributes( { theme } ),
					} ),
					el( TextControl, {
						label: __( 'Section (slug)', 'backstory' ),
						help: __( 'Show only this section of the explainer; empty for the whole box.', 'backstory' ),
						value: attributes.section,
						onChange: ( section ) => setAttributes( { section: section.trim().toLowerCase() } ),
					} ),
					el( Button, { variant: 'secondary', onClick: () => setAttributes( { explainer: '', title: '', section: '' } ) }, __( 'Choose another explainer', 'backstory' ) )
				)
			),
			el( 'div', blockProps, el( Preview, { attributes } ) )
		);
	}

	wp.blocks.registerBlockType( 'backstory/context-box', { edit: Edit, save: () => null } );
} )( window.wp );
