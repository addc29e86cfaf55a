<?php
/**
 * Backstory's GraphQL API, asked from this server with the saved key. The only place the key is read.
 */

declare(strict_types=1);

namespace Backstory\Client;

use WP_Error;

const TIMEOUT_SECONDS = 10;

/**
 * The operation's data, or a WP_Error carrying Backstory's first error code (backstory_<code>) and the
 * HTTP status a proxy should answer with.
 *
 * @return array|WP_Error
 */
function graphql( string $query, array $variables = array() ) {
	$api = \Backstory\Settings\api_url();
	if ( '' === $api ) {
		return new WP_Error( 'backstory_not_configured', __( 'Backstory’s API URL is not set (Settings → Backstory).', 'backstory' ), array( 'status' => 503 ) );
	}
	$headers = array(
		'content-type' => 'application/json',
		'accept'       => 'application/json',
	);
	$key = \Backstory\Settings\get( 'api_key' );
	if ( '' !== $key ) {
		$headers['authorization'] = 'Bearer ' . $key;
	}
	$response = wp_remote_post(
		$api . '/graphql',
		array(
			'timeout' => TIMEOUT_SECONDS,
			'headers' => $headers,
			'body'    => wp_json_encode( array( 'query' => $query, 'variables' => (object) $variables ) ),
		)
	);
	if ( is_wp_error( $response ) ) {
		return new WP_Error( 'backstory_unreachable', $response->get_error_message(), array( 'status' => 502 ) );
	}
	$status = (int) wp_remote_retrieve_response_code( $response );
	$body   = json_decode( wp_remote_retrieve_body( $response ), true );
	if ( ! is_array( $body ) ) {
		/* translators: %d: an HTTP status */
		return new WP_Error( 'backstory_bad_answer', sprintf( __( 'Backstory answered %d without GraphQL.', 'backstory' ), $status ), array( 'status' => 502 ) );
	}
	if ( ! empty( $body['errors'] ) && is_array( $body['errors'] ) ) {
		$first = $body['errors'][0];
		$code  = strtolower( (string) ( $first['extensions']['code'] ?? 'error' ) );
		return new WP_Error( 'backstory_' . $code, (string) ( $first['message'] ?? 'error' ), array( 'status' => proxy_status( $code ) ) );
	}
	return is_array( $body['data'] ?? null ) ? $body['data'] : array();
}

/** A key Backstory refuses is this site's misconfiguration, not the editor's: 502, never 401 to the editor. */
function proxy_status( string $code ): int {
	return match ( $code ) {
		'bad_user_input', 'graphql_validation_failed', 'payload_too_large', 'input_budget_exceeded' => 400,
		'not_found' => 404,
		'conflict' => 409,
		'rate_limited' => 429,
		default => 502,
	};
}
