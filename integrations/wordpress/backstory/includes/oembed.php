<?php
/**
 * Backstory's explainer pages as an oEmbed provider: an explainer URL on its own line in a post becomes
 * the box (Backstory's /oembed answers with the iframe of its embed page). Registered from the saved API
 * URL, so no discovery request is needed, and WordPress keeps the iframe as Backstory wrote it.
 */

declare(strict_types=1);

namespace Backstory\OEmbed;

function register(): void {
	add_action( 'init', __NAMESPACE__ . '\\add_provider' );
}

/** #^https?://backstory.example/explainers/<slug>#: the scheme may differ from the saved one. */
function url_pattern(): string {
	$api = \Backstory\Settings\api_url();
	$without_scheme = preg_replace( '#^https?://#i', '', $api );
	return '#^https?://' . preg_quote( (string) $without_scheme, '#' ) . '/explainers/[a-z0-9]+(?:-[a-z0-9]+)*/?(?:\?[^\s]*)?$#i';
}

function add_provider(): void {
	$api = \Backstory\Settings\api_url();
	if ( '' === $api ) {
		return;
	}
	wp_oembed_add_provider( url_pattern(), $api . '/oembed', true );
}

function mentions_explainer_url( string $content ): bool {
	$api = \Backstory\Settings\api_url();
	return '' !== $api && str_contains( $content, preg_replace( '#^https?://#i', '', $api ) . '/explainers/' );
}
