<?php
/**
 * The editor's way to Backstory: REST routes under backstory/v1 that ask Backstory with the saved key
 * and answer with what the editor shows, never with the key or Backstory's raw errors. Each checks the
 * user's capability; the REST API's cookie nonce (X-WP-Nonce, sent by apiFetch) guards against CSRF.
 */

declare(strict_types=1);

namespace Backstory\Proxy;

use WP_Error;
use WP_REST_Request;

const NAMESPACE_V1 = 'backstory/v1';
/** Backstory's own input limit for annotate and importArticle. */
const MAX_TEXT_BYTES = 1024 * 1024;
/** Boxes offered at most: the first mentions in reading order. */
const MAX_SUGGESTIONS = 10;

function register(): void {
	add_action( 'rest_api_init', __NAMESPACE__ . '\\routes' );
}

function can_edit_posts(): bool {
	return current_user_can( 'edit_posts' );
}

function routes(): void {
	register_rest_route(
		NAMESPACE_V1,
		'/explainers',
		array(
			'methods'             => 'GET',
			'callback'            => __NAMESPACE__ . '\\search',
			'permission_callback' => __NAMESPACE__ . '\\can_edit_posts',
			'args'                => array(
				'search' => array(
					'type'      => 'string',
					'required'  => true,
					'minLength' => 1,
					'maxLength' => 200,
				),
			),
		)
	);
	register_rest_route(
		NAMESPACE_V1,
		'/suggestions',
		array(
			'methods'             => 'POST',
			'callback'            => __NAMESPACE__ . '\\suggest',
			'permission_callback' => __NAMESPACE__ . '\\can_edit_posts',
			'args'                => array(
				'text'   => array(
					'type'     => 'string',
					'required' => true,
				),
				'locale' => array(
					'type'    => 'string',
					'pattern' => '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$',
				),
			),
		)
	);
	register_rest_route(
		NAMESPACE_V1,
		'/imports',
		array(
			'methods'             => 'POST',
			'callback'            => __NAMESPACE__ . '\\import_post',
			'permission_callback' => static fn ( WP_REST_Request $request ) => current_user_can( 'edit_post', (int) $request['post'] ),
			'args'                => array(
				'post' => array(
					'type'     => 'integer',
					'required' => true,
					'minimum'  => 1,
				),
			),
		)
	);
}

/** Published explainers matching the words, best first: what the block's picker lists. */
function search( WP_REST_Request $request ) {
	$data = \Backstory\Client\graphql(
		'query BackstoryPicker($query: String!) { search(query: $query, first: 10) { edges { node { __typename ... on Explainer { slug title summary locale } } } } }',
		array( 'query' => (string) $request['search'] )
	);
	if ( is_wp_error( $data ) ) {
		return $data;
	}
	$explainers = array();
	foreach ( $data['search']['edges'] ?? array() as $edge ) {
		$node = $edge['node'] ?? array();
		if ( 'Explainer' === ( $node['__typename'] ?? '' ) ) {
			unset( $node['__typename'] );
			$explainers[] = $node;
		}
	}
	return rest_ensure_response( array( 'explainers' => $explainers ) );
}

/**
 * The entities the text mentions that have a published explainer about them, each once, at its first
 * mention (UTF-16 offsets into the text, as the editor counts): annotate, then one contextBox per entity
 * in a single request.
 */
function suggest( WP_REST_Request $request ) {
	$text = (string) $request['text'];
	if ( strlen( $text ) > MAX_TEXT_BYTES ) {
		return new WP_Error( 'backstory_text_too_long', __( 'The post is longer than Backstory reads (1 MB).', 'backstory' ), array( 'status' => 413 ) );
	}
	if ( '' === trim( $text ) ) {
		return rest_ensure_response( array( 'suggestions' => array() ) );
	}
	$variables = array( 'text' => $text );
	$locale    = $request['locale'] ? ', locale: $locale' : '';
	if ( $request['locale'] ) {
		$variables['locale'] = (string) $request['locale'];
	}
	$data = \Backstory\Client\graphql(
		'query BackstoryMentions($text: String!' . ( $locale ? ', $locale: String!' : '' ) . ') { annotate(text: $text' . $locale . ') { start end text entity { slug name } } }',
		$variables
	);
	if ( is_wp_error( $data ) ) {
		return $data;
	}
	$first = array();
	foreach ( $data['annotate'] ?? array() as $annotation ) {
		$slug = (string) ( $annotation['entity']['slug'] ?? '' );
		if ( '' !== $slug && ( ! isset( $first[ $slug ] ) || $annotation['start'] < $first[ $slug ]['start'] ) ) {
			$first[ $slug ] = $annotation;
		}
	}
	uasort( $first, static fn ( $a, $b ) => $a['start'] <=> $b['start'] );
	$first = array_slice( $first, 0, MAX_SUGGESTIONS, true );
	if ( ! $first ) {
		return rest_ensure_response( array( 'suggestions' => array() ) );
	}

	$fields    = array();
	$variables = array();
	$i         = 0;
	foreach ( array_keys( $first ) as $slug ) {
		$fields[]             = "b{$i}: contextBox(entity: \$e{$i}) { question explainer { slug title } }";
		$variables[ "e{$i}" ] = (string) $slug;
		++$i;
	}
	$declarations = implode( ', ', array_map( static fn ( $name ) => '$' . $name . ': String!', array_keys( $variables ) ) );
	$boxes        = \Backstory\Client\graphql( "query BackstoryBoxes({$declarations}) { " . implode( ' ', $fields ) . ' }', $variables );
	if ( is_wp_error( $boxes ) ) {
		return $boxes;
	}

	$suggestions = array();
	$i           = 0;
	foreach ( $first as $annotation ) {
		$explainer = $boxes[ "b{$i}" ]['explainer'] ?? null;
		++$i;
		if ( ! is_array( $explainer ) ) {
			continue;
		}
		$suggestions[] = array(
			'entity'    => $annotation['entity'],
			'explainer' => $explainer,
			'mention'   => array(
				'text'  => $annotation['text'],
				'start' => $annotation['start'],
				'end'   => $annotation['end'],
			),
		);
	}
	return rest_ensure_response( array( 'suggestions' => $suggestions ) );
}

/**
 * The saved post as an article: its title and its content rendered as readers get it, without the
 * boxes it embeds. Backstory answers with a new draft explainer, remembered on the post.
 */
function import_post( WP_REST_Request $request ) {
	$post = get_post( (int) $request['post'] );
	if ( ! $post || 'trash' === $post->post_status ) {
		return new WP_Error( 'backstory_no_post', __( 'There is no such post.', 'backstory' ), array( 'status' => 404 ) );
	}
	$blocks = array_filter( parse_blocks( $post->post_content ), static fn ( $block ) => \Backstory\Box\BLOCK !== $block['blockName'] );
	$body   = do_blocks( serialize_blocks( $blocks ) );
	$body   = wpautop( strip_shortcodes( $body ) );
	$html   = '<article><h1>' . esc_html( get_the_title( $post ) ) . '</h1>' . $body . '</article>';
	if ( strlen( $html ) > MAX_TEXT_BYTES ) {
		return new WP_Error( 'backstory_text_too_long', __( 'The post is longer than Backstory reads (1 MB).', 'backstory' ), array( 'status' => 413 ) );
	}
	$variables = array(
		'html'   => $html,
		'locale' => str_replace( '_', '-', substr( get_locale(), 0, 2 ) ),
	);
	$url = get_permalink( $post );
	if ( $url && 'publish' === $post->post_status ) {
		$variables['url'] = $url;
	}
	$data = \Backstory\Client\graphql(
		'mutation BackstoryImport($html: String!, $locale: String!, $url: String) { importArticle(html: $html, locale: $locale, url: $url) { explainer { id slug title } candidates { name } } }',
		$variables
	);
	if ( is_wp_error( $data ) ) {
		return $data;
	}
	$explainer = $data['importArticle']['explainer'];
	update_post_meta( $post->ID, '_backstory_draft', wp_slash( wp_json_encode( $explainer ) ) );
	return rest_ensure_response(
		array(
			'explainer'  => $explainer,
			'candidates' => array_column( $data['importArticle']['candidates'] ?? array(), 'name' ),
			'url'        => \Backstory\Settings\api_url() . '/explainers/' . rawurlencode( $explainer['slug'] ),
		)
	);
}
