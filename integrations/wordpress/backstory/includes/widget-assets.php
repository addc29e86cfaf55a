<?php
/**
 * backstory.js, and the stylesheet that reserves the box's space before it runs, enqueued once per page
 * from the pinned files /widgets/v1/manifest.json names, each with its Subresource Integrity. The
 * manifest is kept for five minutes; without one (Backstory unreachable) the page gets the moving
 * loader, /widgets/v1/backstory.js, and the reserve rule inline.
 */

declare(strict_types=1);

namespace Backstory\WidgetAssets;

const SCRIPT         = 'backstory';
const STYLE          = 'backstory';
const MANIFEST_TTL   = 5 * MINUTE_IN_SECONDS;
const MANIFEST_CACHE = 'backstory_manifest';
/** The collapsed box's height, as Backstory's README gives it for hosts that reserve it themselves. */
const RESERVE_CSS = 'backstory-box:not(:defined){display:block;font-size:medium;min-block-size:calc(12.75em + 2px)}';

/** The integrity of the pinned script or stylesheet this page enqueued ('' when unpinned); sets it when given. */
function pin( string $kind, ?string $integrity = null ): string {
	static $pins = array(
		'script' => '',
		'style'  => '',
	);
	if ( null !== $integrity ) {
		$pins[ $kind ] = $integrity;
	}
	return $pins[ $kind ];
}

/**
 * { file, integrity, css?: { file, integrity } } with names checked, or null.
 */
function manifest(): ?array {
	$api = \Backstory\Settings\api_url();
	if ( '' === $api ) {
		return null;
	}
	$cached = get_transient( MANIFEST_CACHE );
	if ( is_array( $cached ) && ( $cached['api'] ?? '' ) === $api ) {
		return $cached['manifest'];
	}
	$manifest = null;
	$response = wp_remote_get( $api . '/widgets/v1/manifest.json', array( 'timeout' => 3 ) );
	if ( ! is_wp_error( $response ) && 200 === wp_remote_retrieve_response_code( $response ) ) {
		$manifest = checked_manifest( json_decode( wp_remote_retrieve_body( $response ), true ) );
	}
	// A failure is remembered for a minute only, so that a Backstory back up is used again soon.
	set_transient( MANIFEST_CACHE, array( 'api' => $api, 'manifest' => $manifest ), $manifest ? MANIFEST_TTL : MINUTE_IN_SECONDS );
	return $manifest;
}

function checked_manifest( $raw ): ?array {
	$pinned = static function ( $entry, string $extension ): ?array {
		if ( ! is_array( $entry ) || ! is_string( $entry['file'] ?? null ) || ! is_string( $entry['integrity'] ?? null ) ) {
			return null;
		}
		if ( ! preg_match( '/^[a-z-]+\.[0-9a-f]{8,}\.' . $extension . '$/', $entry['file'] ) || ! preg_match( '/^sha(256|384|512)-[A-Za-z0-9+\/=]+$/', $entry['integrity'] ) ) {
			return null;
		}
		return array( 'file' => $entry['file'], 'integrity' => $entry['integrity'] );
	};
	$script = $pinned( $raw, 'js' );
	if ( null === $script ) {
		return null;
	}
	$script['css'] = $pinned( $raw['css'] ?? null, 'css' );
	return $script;
}

/** Idempotent: every box on a page calls it, the page gets each file once. */
function enqueue(): void {
	if ( wp_script_is( SCRIPT, 'enqueued' ) ) {
		return;
	}
	$api      = \Backstory\Settings\api_url();
	$manifest = manifest();
	if ( $manifest ) {
		wp_enqueue_script( SCRIPT, $api . '/widgets/' . $manifest['file'], array(), null, false );
		pin( 'script', $manifest['integrity'] );
	} else {
		wp_enqueue_script( SCRIPT, $api . '/widgets/v1/backstory.js', array(), null, false );
	}
	if ( $manifest && $manifest['css'] ) {
		wp_enqueue_style( STYLE, $api . '/widgets/' . $manifest['css']['file'], array(), null );
		pin( 'style', $manifest['css']['integrity'] );
	} else {
		wp_register_style( STYLE, false, array(), null );
		wp_enqueue_style( STYLE );
		wp_add_inline_style( STYLE, RESERVE_CSS );
	}
}

function register(): void {
	add_filter( 'script_loader_tag', __NAMESPACE__ . '\\script_tag', 10, 2 );
	add_filter( 'style_loader_tag', __NAMESPACE__ . '\\style_tag', 10, 2 );
}

/** async, so the box never holds up the page; integrity and crossorigin when pinned. */
function script_tag( string $tag, string $handle ): string {
	if ( SCRIPT !== $handle ) {
		return $tag;
	}
	$integrity = pin( 'script' );
	$extra     = ' async';
	if ( '' !== $integrity ) {
		$extra .= ' integrity="' . esc_attr( $integrity ) . '" crossorigin="anonymous"';
	}
	return preg_replace( '/<script(?=[\s>])/', '<script' . $extra, $tag, 1 ) ?? $tag;
}

function style_tag( string $tag, string $handle ): string {
	$integrity = pin( 'style' );
	if ( STYLE !== $handle || '' === $integrity ) {
		return $tag;
	}
	return preg_replace( '/<link(?=[\s>])/', '<link integrity="' . esc_attr( $integrity ) . '" crossorigin="anonymous"', $tag, 1 ) ?? $tag;
}
