<?php
/**
 * Standard Webhooks (https://www.standardwebhooks.com) signature verification: webhook-signature holds
 * space-separated "v1,<base64 HMAC-SHA256 of id.timestamp.body>", keyed with the base64 after whsec_.
 * Any one matching signature passes, so a secret being rotated verifies under either key.
 */

declare(strict_types=1);

namespace Backstory\WebhookSignature;

const TOLERANCE_SECONDS = 5 * 60;

/**
 * '' when the delivery is authentic and fresh, else why not (for the log, never for the sender).
 */
function verify( string $secret, string $id, string $timestamp, string $signatures, string $body, ?int $now = null ): string {
	$now = $now ?? time();
	if ( ! str_starts_with( $secret, 'whsec_' ) ) {
		return 'no secret';
	}
	$key = base64_decode( substr( $secret, strlen( 'whsec_' ) ), true );
	if ( false === $key || '' === $key ) {
		return 'secret is not base64';
	}
	if ( '' === $id || '' === $signatures || ! preg_match( '/^\d{1,12}$/', $timestamp ) ) {
		return 'missing headers';
	}
	if ( abs( $now - (int) $timestamp ) > TOLERANCE_SECONDS ) {
		return 'timestamp outside tolerance';
	}
	$expected = base64_encode( hash_hmac( 'sha256', $id . '.' . $timestamp . '.' . $body, $key, true ) );
	foreach ( explode( ' ', $signatures ) as $signature ) {
		[ $version, $value ] = array_pad( explode( ',', $signature, 2 ), 2, '' );
		if ( 'v1' === $version && hash_equals( $expected, $value ) ) {
			return '';
		}
	}
	return 'no matching signature';
}
