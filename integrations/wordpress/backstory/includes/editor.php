<?php
/**
 * The block editor's side: the "Suggested boxes" and "Send to Backstory" panels, and the settings the
 * editor scripts read (window.backstoryEditor). They carry Backstory's public URL and the box's
 * defaults, never the key: everything keyed goes through the backstory/v1 routes.
 */

declare(strict_types=1);

namespace Backstory\Editor;

const SCRIPT = 'backstory-editor';

function register(): void {
	add_action( 'enqueue_block_editor_assets', __NAMESPACE__ . '\\enqueue' );
}

function enqueue(): void {
	if ( ! current_user_can( 'edit_posts' ) ) {
		return;
	}
	$dir   = dirname( BACKSTORY_FILE );
	$asset = require $dir . '/assets/editor.asset.php';
	wp_enqueue_script( SCRIPT, plugins_url( 'assets/editor.js', BACKSTORY_FILE ), $asset['dependencies'], $asset['version'], true );
	$config = array(
		'apiUrl'     => \Backstory\Settings\api_url(),
		'configured' => '' !== \Backstory\Settings\api_url() && '' !== \Backstory\Settings\get( 'api_key' ),
		'settings'   => current_user_can( 'manage_options' ) ? admin_url( 'options-general.php?page=' . \Backstory\Settings\PAGE ) : '',
		'variant'    => \Backstory\Settings\get( 'variant' ),
		'theme'      => \Backstory\Settings\get( 'theme' ),
	);
	wp_add_inline_script( SCRIPT, 'window.backstoryEditor = ' . wp_json_encode( $config ) . ';', 'before' );
}
