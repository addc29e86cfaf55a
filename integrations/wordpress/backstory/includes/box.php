<?php
/**
 * The box in a post: the block backstory/context-box and the shortcode [backstory] both print one
 * <backstory-box> and enqueue backstory.js. Its attributes, and their defaults, are the widget's own.
 */

declare(strict_types=1);

namespace Backstory\Box;

const BLOCK     = 'backstory/context-box';
const SHORTCODE = 'backstory';
const SLUG      = '/^[a-z0-9]+(?:-[a-z0-9]+)*$/';

function register(): void {
	add_action( 'init', __NAMESPACE__ . '\\register_box' );
	add_action( 'wp_enqueue_scripts', __NAMESPACE__ . '\\enqueue_for_singular' );
	\Backstory\WidgetAssets\register();
}

function register_box(): void {
	register_block_type( dirname( BACKSTORY_FILE ) . '/blocks/context-box', array( 'render_callback' => __NAMESPACE__ . '\\render_block' ) );
	add_shortcode( SHORTCODE, __NAMESPACE__ . '\\render_shortcode' );
}

/**
 * The box's markup, or '' when the attributes name no explainer. Unknown values fall back to the site's
 * defaults (Settings → Backstory), as the widget would fall back to its own.
 */
function markup( array $attributes ): string {
	$explainer = strtolower( trim( (string) ( $attributes['explainer'] ?? '' ) ) );
	if ( ! preg_match( SLUG, $explainer ) || '' === \Backstory\Settings\api_url() ) {
		return '';
	}
	$variant = (string) ( $attributes['variant'] ?? '' );
	$theme   = (string) ( $attributes['theme'] ?? '' );
	$section = strtolower( trim( (string) ( $attributes['section'] ?? '' ) ) );
	$box     = array(
		'explainer' => $explainer,
		'variant'   => in_array( $variant, \Backstory\Settings\VARIANTS, true ) ? $variant : \Backstory\Settings\get( 'variant' ),
		'theme'     => in_array( $theme, \Backstory\Settings\THEMES, true ) ? $theme : \Backstory\Settings\get( 'theme' ),
	);
	if ( preg_match( SLUG, $section ) ) {
		$box['section'] = $section;
	}
	\Backstory\WidgetAssets\enqueue();
	$html = '<backstory-box';
	foreach ( $box as $name => $value ) {
		$html .= ' ' . $name . '="' . esc_attr( $value ) . '"';
	}
	return $html . '></backstory-box>';
}

function render_block( array $attributes ): string {
	$box = markup( $attributes );
	return '' === $box ? '' : '<div ' . get_block_wrapper_attributes() . '>' . $box . '</div>';
}

function render_shortcode( $attributes ): string {
	$attributes = shortcode_atts(
		array(
			'explainer' => '',
			'section'   => '',
			'variant'   => '',
			'theme'     => '',
		),
		is_array( $attributes ) ? $attributes : array(),
		SHORTCODE
	);
	return markup( $attributes );
}

/**
 * In the head when the post is known to hold a box, so that the reserve stylesheet is there before the
 * box is; a classic theme renders content after the head and would otherwise get them in the footer.
 */
function enqueue_for_singular(): void {
	if ( ! is_singular() || '' === \Backstory\Settings\api_url() ) {
		return;
	}
	$post = get_post();
	if ( $post && ( has_block( BLOCK, $post ) || has_shortcode( $post->post_content, SHORTCODE ) || \Backstory\OEmbed\mentions_explainer_url( $post->post_content ) ) ) {
		\Backstory\WidgetAssets\enqueue();
	}
}
