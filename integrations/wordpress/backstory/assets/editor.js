/**
 * Two panels in the post sidebar. "Suggested boxes" sends the post's paragraphs to Backstory's annotate
 * (through the plugin's route) and offers a box for each mentioned entity with a published explainer,
 * inserted after the paragraph of its first mention. "Send to Backstory" imports the saved post as a
 * draft explainer. Plain JavaScript against the editor's globals: nothing to build.
 */
( function ( wp ) {
	'use strict';
	const el = wp.element.createElement;
	const { useState } = wp.element;
	const { __, sprintf } = wp.i18n;
	const { Button, Notice, Spinner } = wp.components;
	const { useSelect, useDispatch, select } = wp.data;
	const { PluginDocumentSettingPanel } = wp.editPost;
	const apiFetch = wp.apiFetch;
	const BOX = 'backstory/context-box';
	/** Blocks whose text is read for mentions, and after which a box may go. */
	const TEXT_BLOCKS = [ 'core/paragraph', 'core/heading', 'core/list', 'core/quote' ];
	const SEPARATOR = '\n\n';

	/** Rich text as plain text, parsed inertly (no script runs, no image loads). */
	function plainText( html ) {
		return new DOMParser().parseFromString( '<body>' + ( html || '' ) + '</body>', 'text/html' ).body.textContent || '';
	}

	function blockText( block ) {
		if ( block.name === 'core/list' || block.name === 'core/quote' ) {
			const own = block.attributes.values || block.attributes.value || '';
			return [ plainText( own ) ].concat( block.innerBlocks.map( blockText ) ).filter( Boolean ).join( '\n' );
		}
		return plainText( block.attributes.content );
	}

	/** The post's text, and where each top-level text block starts in it (UTF-16 offsets, as annotate's). */
	function postText( blocks ) {
		let text = '';
		const spans = [];
		blocks.forEach( ( block ) => {
			if ( ! TEXT_BLOCKS.includes( block.name ) ) return;
			const words = blockText( block );
			if ( ! words.trim() ) return;
			if ( text ) text += SEPARATOR;
			spans.push( { clientId: block.clientId, start: text.length, end: text.length + words.length } );
			text += words;
		} );
		return { text, spans };
	}

	function SuggestedBoxes() {
		const blocks = useSelect( ( s ) => s( 'core/block-editor' ).getBlocks(), [] );
		const { insertBlocks } = useDispatch( 'core/block-editor' );
		const [ state, setState ] = useState( { busy: false, error: '', suggestions: null, inserted: [] } );
		const embedded = new Set( blocks.filter( ( b ) => b.name === BOX ).map( ( b ) => b.attributes.explainer ) );

		const find = () => {
			const { text, spans } = postText( blocks );
			setState( { busy: true, error: '', suggestions: null, inserted: [] } );
			apiFetch( { path: '/backstory/v1/suggestions', method: 'POST', data: { text } } ).then(
				( answer ) =>
					setState( {
						busy: false,
						error: '',
						inserted: [],
						suggestions: answer.suggestions.map( ( s ) => ( { ...s, after: spans.find( ( span ) => s.mention.start >= span.start && s.mention.start < span.end ) } ) ),
					} ),
				( error ) => setState( { busy: false, error: error.message || String( error ), suggestions: null, inserted: [] } )
			);
		};

		const insert = ( suggestion ) => {
			const current = select( 'core/block-editor' ).getBlocks();
			const at = suggestion.after ? current.findIndex( ( b ) => b.clientId === suggestion.after.clientId ) : -1;
			const block = wp.blocks.createBlock( BOX, { explainer: suggestion.explainer.slug, title: suggestion.explainer.title } );
			insertBlocks( block, at >= 0 ? at + 1 : current.length, undefined, false );
			setState( ( s ) => ( { ...s, inserted: s.inserted.concat( suggestion.explainer.slug ) } ) );
		};

		const list = ( state.suggestions || [] ).filter( ( s ) => ! embedded.has( s.explainer.slug ) || state.inserted.includes( s.explainer.slug ) );
		return el(
			PluginDocumentSettingPanel,
			{ name: 'backstory-suggested-boxes', title: __( 'Suggested boxes', 'backstory' ), className: 'backstory-suggested-boxes' },
			el( 'p', null, __( 'Boxes for what this post mentions, from Backstory’s published explainers.', 'backstory' ) ),
			el( Button, { variant: 'secondary', onClick: find, disabled: state.busy }, __( 'Find mentions', 'backstory' ) ),
			state.busy ? el( Spinner ) : null,
			state.error ? el( Notice, { status: 'error', isDismissible: false }, state.error ) : null,
			state.suggestions && list.length === 0 ? el( 'p', null, __( 'No mention of an explained entity.', 'backstory' ) ) : null,
			list.length > 0
				? el(
						'ul',
						{ className: 'backstory-suggestions' },
						list.map( ( s ) =>
							el(
								'li',
								{ key: s.explainer.slug },
								el( 'strong', null, s.explainer.title ),
								el( 'br' ),
								el( 'span', null, sprintf( __( '“%s”, first mentioned in the post', 'backstory' ), s.mention.text ) ),
								el( 'br' ),
								state.inserted.includes( s.explainer.slug )
									? el( 'em', null, __( 'Inserted', 'backstory' ) )
									: el( Button, { variant: 'link', onClick: () => insert( s ) }, sprintf( __( 'Insert “%s”', 'backstory' ), s.explainer.title ) )
							)
						)
				  )
				: null
		);
	}

	function SendToBackstory() {
		const { postId, saved } = useSelect( ( s ) => {
			const editor = s( 'core/editor' );
			return { postId: editor.getCurrentPostId(), saved: ! editor.isEditedPostNew() && ! editor.isEditedPostDirty() };
		}, [] );
		const [ state, setState ] = useState( { busy: false, error: '', result: null } );
		const send = () => {
			setState( { busy: true, error: '', result: null } );
			apiFetch( { path: '/backstory/v1/imports', method: 'POST', data: { post: postId } } ).then(
				( result ) => setState( { busy: false, error: '', result } ),
				( error ) => setState( { busy: false, error: error.message || String( error ), result: null } )
			);
		};
		return el(
			PluginDocumentSettingPanel,
			{ name: 'backstory-send', title: __( 'Send to Backstory', 'backstory' ), className: 'backstory-send' },
			el( 'p', null, __( 'Start an explainer from this post: Backstory makes a draft of it for your editors.', 'backstory' ) ),
			el( Button, { variant: 'secondary', onClick: send, disabled: state.busy || ! saved }, __( 'Send to Backstory', 'backstory' ) ),
			saved ? null : el( 'p', null, el( 'em', null, __( 'Save the post first: Backstory gets the saved version.', 'backstory' ) ) ),
			state.busy ? el( Spinner ) : null,
			state.error ? el( Notice, { status: 'error', isDismissible: false }, state.error ) : null,
			state.result
				? el(
						Notice,
						{ status: 'success', isDismissible: false },
						sprintf( __( 'Draft “%s” created in Backstory.', 'backstory' ), state.result.explainer.title ),
						' ',
						el( 'a', { href: state.result.url, target: '_blank', rel: 'noopener noreferrer', className: 'backstory-draft-link' }, state.result.explainer.slug ),
						' ',
						__( '(its page answers once it is published)', 'backstory' )
				  )
				: null
		);
	}

	wp.plugins.registerPlugin( 'backstory', {
		icon: 'info-outline',
		render: () => el( wp.element.Fragment, null, el( SuggestedBoxes ), el( SendToBackstory ) ),
	} );
} )( window.wp );
