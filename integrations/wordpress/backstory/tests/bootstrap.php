<?php
// The plugin's PHP unit tests run inside an installed site: BACKSTORY_WP_ROOT names it (the suite's
// WordPress), and wp-load.php loads WordPress with the plugin active.
$root = getenv( 'BACKSTORY_WP_ROOT' );
if ( ! $root || ! is_file( $root . '/wp-load.php' ) ) {
	fwrite( STDERR, "BACKSTORY_WP_ROOT must name an installed WordPress with the plugin active\n" );
	exit( 1 );
}
$_SERVER['HTTP_HOST']   = getenv( 'BACKSTORY_WP_HOST' ) ?: 'localhost';
$_SERVER['REQUEST_URI'] = '/';
require $root . '/wp-load.php';
if ( ! function_exists( 'Backstory\\WebhookSignature\\verify' ) ) {
	fwrite( STDERR, "the Backstory plugin is not active in {$root}\n" );
	exit( 1 );
}
