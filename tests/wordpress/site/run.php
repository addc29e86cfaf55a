<?php
// Runs the PHP on stdin inside the test site, as the admin, and prints what it returns as JSON: how the
// tests arrange posts and read back what WordPress did.
$_SERVER['HTTP_HOST']   = getenv( 'BACKSTORY_WP_HOST' );
$_SERVER['REQUEST_URI'] = '/';
require __DIR__ . '/wp-load.php';
wp_set_current_user( 1 );
$result = eval( stream_get_contents( STDIN ) );
echo json_encode( $result );
