<?php
// Installs the test site unattended (wp-cli is not available): php install.php <url> <admin password>.
[ , $url, $password ] = $argv;
$_SERVER['HTTP_HOST']   = parse_url( $url, PHP_URL_HOST ) . ':' . parse_url( $url, PHP_URL_PORT );
$_SERVER['REQUEST_URI'] = '/';
define( 'WP_INSTALLING', true );
define( 'WP_SITEURL', $url );
require __DIR__ . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
add_filter( 'pre_wp_mail', '__return_true' );
$installed = wp_install( 'Backstory test site', 'admin', 'admin@example.com', false, '', $password );
update_option( 'siteurl', $url );
update_option( 'home', $url );
update_option( 'show_avatars', 0 );
update_option( 'permalink_structure', '/%postname%/' );
switch_theme( 'twentytwentythree' );
update_user_meta( $installed['user_id'], 'wp_persisted_preferences', array( 'core/edit-post' => array( 'welcomeGuide' => false ), '_modified' => gmdate( 'c' ) ) );
$activated = activate_plugin( 'backstory/backstory.php' );
if ( is_wp_error( $activated ) ) {
	fwrite( STDERR, $activated->get_error_message() );
	exit( 1 );
}
echo json_encode( array( 'user' => $installed['user_id'] ) );
