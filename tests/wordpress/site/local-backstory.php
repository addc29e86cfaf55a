<?php
/**
 * Plugin Name: Local Backstory (test site)
 * Description: Lets WordPress's HTTP API fetch oEmbed from a Backstory on 127.0.0.1 at any port; records
 * backstory_explainer_changed, and the posts whose cache a REST request cleaned, so that the tests can
 * see what the plugin did.
 */
add_filter( 'http_request_host_is_external', '__return_true' );
add_filter(
	'http_allowed_safe_ports',
	static fn ( $ports, $host, $url ) => '127.0.0.1' === $host ? array_merge( (array) $ports, array( (int) parse_url( $url, PHP_URL_PORT ) ) ) : $ports,
	10,
	3
);
add_action(
	'backstory_explainer_changed',
	static function ( $type, $data, $posts ) {
		$seen   = get_option( 'backstory_test_changes', array() );
		$seen[] = array( 'type' => $type, 'data' => $data, 'posts' => $posts );
		update_option( 'backstory_test_changes', $seen, false );
	},
	10,
	3
);
add_action(
	'clean_post_cache',
	static function ( $post_id ) {
		if ( defined( 'REST_REQUEST' ) && REST_REQUEST ) {
			$cleaned   = get_option( 'backstory_test_cleaned', array() );
			$cleaned[] = (int) $post_id;
			update_option( 'backstory_test_cleaned', $cleaned, false );
		}
	}
);
