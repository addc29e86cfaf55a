<?php
/**
 * POST /wp-json/backstory/v1/webhook: Backstory announces a release. An authentic delivery clears the
 * object cache of every post that embeds the explainer (block, shortcode or pasted URL) and fires
 * backstory_explainer_changed for page caches to purge. The signature is the route's authentication:
 * Backstory is no WordPress user, so there is no capability to check and no nonce.
 */

declare(strict_types=1);

namespace Backstory\Webhook;

use WP_Error;
use WP_REST_Request;

const EVENTS = array(
	'explainer.published',
	'explainer.unpublished',
	'explainer.corrected',
	'explainer.scheduled',
	'entity.published',
	'entity.unpublished',
	'entity.merged',
);
/** Backstory retries with the same webhook-id: one already handled is acknowledged, not redone. */
const SEEN_TTL = 3 * DAY_IN_SECONDS;

function register(): void {
	add_action( 'rest_api_init', __NAMESPACE__ . '\\route' );
}

function route(): void {
	register_rest_route(
		\Backstory\Proxy\NAMESPACE_V1,
		'/webhook',
		array(
			'methods'             => 'POST',
			'callback'            => __NAMESPACE__ . '\\receive',
			'permission_callback' => '__return_true',
		)
	);
}

function receive( WP_REST_Request $request ) {
	$id      = (string) $request->get_header( 'webhook_id' );
	$refusal = \Backstory\WebhookSignature\verify(
		\Backstory\Settings\get( 'webhook_secret' ),
		$id,
		(string) $request->get_header( 'webhook_timestamp' ),
		(string) $request->get_header( 'webhook_signature' ),
		$request->get_body()
	);
	if ( '' !== $refusal ) {
		return new WP_Error( 'backstory_webhook_unverified', __( 'The webhook signature does not verify.', 'backstory' ), array( 'status' => 401 ) );
	}
	$event = json_decode( $request->get_body(), true );
	$type  = is_array( $event ) ? (string) ( $event['type'] ?? '' ) : '';
	$data  = is_array( $event['data'] ?? null ) ? $event['data'] : array();
	if ( ! in_array( $type, EVENTS, true ) ) {
		// Acknowledged: an event type newer than this plugin is no reason for Backstory to retry.
		return rest_ensure_response( array( 'handled' => false ) );
	}
	$seen = 'backstory_webhook_' . md5( $id );
	if ( get_transient( $seen ) ) {
		return rest_ensure_response( array( 'handled' => true, 'duplicate' => true ) );
	}
	set_transient( $seen, 1, SEEN_TTL );

	$slug  = str_starts_with( $type, 'explainer.' ) ? (string) ( $data['slug'] ?? '' ) : '';
	$posts = preg_match( \Backstory\Box\SLUG, $slug ) ? posts_embedding( $slug ) : array();
	foreach ( $posts as $post_id ) {
		clean_post_cache( $post_id );
	}
	/**
	 * Fires when Backstory announces a release: for page caches to purge the posts that show it.
	 *
	 * @param string $type  The event, e.g. explainer.published.
	 * @param array  $data  { id, slug, locale, release, url, surrogateKeys }.
	 * @param int[]  $posts The posts that embed the explainer.
	 */
	do_action( 'backstory_explainer_changed', $type, $data, $posts );
	return rest_ensure_response( array( 'handled' => true, 'posts' => $posts ) );
}

/**
 * Posts whose content names the explainer: a block's "explainer":"slug", a shortcode's
 * explainer="slug", or a pasted /explainers/slug URL. A LIKE narrows, a pattern confirms.
 *
 * @return int[]
 */
function posts_embedding( string $slug ): array {
	global $wpdb;
	$like = '%' . $wpdb->esc_like( $slug ) . '%';
	$rows = $wpdb->get_results(
		$wpdb->prepare( "SELECT ID, post_content FROM {$wpdb->posts} WHERE post_type NOT IN ('revision', 'attachment') AND post_status <> 'auto-draft' AND post_content LIKE %s", $like )
	);
	$quoted  = preg_quote( $slug, '/' );
	$pattern = '/"explainer":"' . $quoted . '"|explainer=["\']?' . $quoted . '(?![a-z0-9-])|\/explainers\/' . $quoted . '(?![a-z0-9-])/';
	$ids     = array();
	foreach ( $rows as $row ) {
		if ( preg_match( $pattern, $row->post_content ) ) {
			$ids[] = (int) $row->ID;
		}
	}
	return $ids;
}
