<?php
/**
 * Settings → Backstory: where Backstory answers, the key the server sends it, the box's defaults and the
 * webhook secret. The key and the secret are write-only: the page never prints them back, so they never
 * reach a browser after they are saved.
 */

declare(strict_types=1);

namespace Backstory\Settings;

const OPTION   = 'backstory_settings';
const PAGE     = 'backstory';
const VARIANTS = array( 'compact', 'full' );
const THEMES   = array( 'auto', 'light', 'dark' );

/** Every setting with its default beside it. */
function defaults(): array {
	return array(
		'api_url'        => '',
		'api_key'        => '',
		'variant'        => 'compact',
		'theme'          => 'auto',
		'webhook_secret' => '',
	);
}

function get( string $name ): string {
	$saved = get_option( OPTION, array() );
	$value = is_array( $saved ) && isset( $saved[ $name ] ) ? $saved[ $name ] : defaults()[ $name ];
	return is_string( $value ) ? $value : '';
}

/** The API's origin and path, without a trailing slash; '' when not configured. */
function api_url(): string {
	return untrailingslashit( get( 'api_url' ) );
}

function register(): void {
	add_action( 'admin_init', __NAMESPACE__ . '\\register_setting' );
	add_action( 'admin_menu', __NAMESPACE__ . '\\add_page' );
	add_action( 'admin_post_backstory_test_connection', __NAMESPACE__ . '\\test_connection' );
}

function register_setting(): void {
	\register_setting(
		PAGE,
		OPTION,
		array(
			'type'              => 'object',
			'sanitize_callback' => __NAMESPACE__ . '\\sanitize',
			'default'           => defaults(),
			'show_in_rest'      => false,
		)
	);
}

/** An empty key or secret field keeps the saved one: the form never holds them. */
function sanitize( $input ): array {
	$input = is_array( $input ) ? wp_unslash( $input ) : array();
	$saved = wp_parse_args( (array) get_option( OPTION, array() ), defaults() );
	$out   = $saved;

	$url = isset( $input['api_url'] ) ? esc_url_raw( trim( (string) $input['api_url'] ), array( 'http', 'https' ) ) : '';
	if ( '' === $url && ! empty( $input['api_url'] ) ) {
		add_settings_error( OPTION, 'api_url', __( 'The API URL must be an http or https address.', 'backstory' ) );
	} else {
		$out['api_url'] = untrailingslashit( $url );
	}

	$key = isset( $input['api_key'] ) ? trim( (string) $input['api_key'] ) : '';
	if ( ! empty( $input['forget_api_key'] ) ) {
		$out['api_key'] = '';
	} elseif ( '' !== $key ) {
		if ( preg_match( '/^bsk_[A-Za-z0-9_-]+$/', $key ) ) {
			$out['api_key'] = $key;
		} else {
			add_settings_error( OPTION, 'api_key', __( 'An API key starts with bsk_; the saved key was kept.', 'backstory' ) );
		}
	}

	$secret = isset( $input['webhook_secret'] ) ? trim( (string) $input['webhook_secret'] ) : '';
	if ( '' !== $secret ) {
		if ( preg_match( '/^whsec_[A-Za-z0-9+\/=]+$/', $secret ) ) {
			$out['webhook_secret'] = $secret;
		} else {
			add_settings_error( OPTION, 'webhook_secret', __( 'A webhook secret starts with whsec_; the saved secret was kept.', 'backstory' ) );
		}
	}

	$variant        = isset( $input['variant'] ) ? (string) $input['variant'] : '';
	$out['variant'] = in_array( $variant, VARIANTS, true ) ? $variant : $saved['variant'];
	$theme          = isset( $input['theme'] ) ? (string) $input['theme'] : '';
	$out['theme']   = in_array( $theme, THEMES, true ) ? $theme : $saved['theme'];

	return $out;
}

function add_page(): void {
	add_options_page( __( 'Backstory', 'backstory' ), __( 'Backstory', 'backstory' ), 'manage_options', PAGE, __NAMESPACE__ . '\\render_page' );
}

function render_page(): void {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$has_key    = '' !== get( 'api_key' );
	$has_secret = '' !== get( 'webhook_secret' );
	$result     = get_transient( connection_result_key() );
	if ( false !== $result ) {
		delete_transient( connection_result_key() );
	}
	?>
	<div class="wrap">
		<h1><?php esc_html_e( 'Backstory', 'backstory' ); ?></h1>
		<?php settings_errors( OPTION ); ?>
		<?php if ( is_array( $result ) ) : ?>
			<div class="notice notice-<?php echo $result['ok'] ? 'success' : 'error'; ?>" id="backstory-connection-result"><p><?php echo esc_html( $result['message'] ); ?></p></div>
		<?php endif; ?>
		<form method="post" action="<?php echo esc_url( admin_url( 'options.php' ) ); ?>">
			<?php settings_fields( PAGE ); ?>
			<table class="form-table" role="presentation">
				<tr>
					<th scope="row"><label for="backstory-api-url"><?php esc_html_e( 'API URL', 'backstory' ); ?></label></th>
					<td>
						<input type="url" class="regular-text code" id="backstory-api-url" name="<?php echo esc_attr( OPTION ); ?>[api_url]" value="<?php echo esc_attr( get( 'api_url' ) ); ?>" placeholder="https://backstory.example" />
						<p class="description"><?php esc_html_e( 'Where Backstory answers; readers load the box from here.', 'backstory' ); ?></p>
					</td>
				</tr>
				<tr>
					<th scope="row"><label for="backstory-api-key"><?php esc_html_e( 'API key', 'backstory' ); ?></label></th>
					<td>
						<input type="password" class="regular-text code" id="backstory-api-key" name="<?php echo esc_attr( OPTION ); ?>[api_key]" value="" autocomplete="off" placeholder="<?php echo $has_key ? esc_attr__( 'A key is saved; type a new one to replace it', 'backstory' ) : 'bsk_…'; ?>" />
						<?php if ( $has_key ) : ?>
							<label><input type="checkbox" name="<?php echo esc_attr( OPTION ); ?>[forget_api_key]" value="1" /> <?php esc_html_e( 'Forget the saved key', 'backstory' ); ?></label>
						<?php endif; ?>
						<p class="description"><?php esc_html_e( 'An editor key (npm run keys, or createApiKey). It stays on this server: editors search and suggest through it, and no browser ever receives it.', 'backstory' ); ?></p>
					</td>
				</tr>
				<tr>
					<th scope="row"><label for="backstory-variant"><?php esc_html_e( 'Default variant', 'backstory' ); ?></label></th>
					<td>
						<select id="backstory-variant" name="<?php echo esc_attr( OPTION ); ?>[variant]">
							<?php foreach ( VARIANTS as $variant ) : ?>
								<option value="<?php echo esc_attr( $variant ); ?>" <?php selected( get( 'variant' ), $variant ); ?>><?php echo esc_html( $variant ); ?></option>
							<?php endforeach; ?>
						</select>
					</td>
				</tr>
				<tr>
					<th scope="row"><label for="backstory-theme"><?php esc_html_e( 'Default theme', 'backstory' ); ?></label></th>
					<td>
						<select id="backstory-theme" name="<?php echo esc_attr( OPTION ); ?>[theme]">
							<?php foreach ( THEMES as $theme ) : ?>
								<option value="<?php echo esc_attr( $theme ); ?>" <?php selected( get( 'theme' ), $theme ); ?>><?php echo esc_html( $theme ); ?></option>
							<?php endforeach; ?>
						</select>
					</td>
				</tr>
				<tr>
					<th scope="row"><label for="backstory-webhook-secret"><?php esc_html_e( 'Webhook secret', 'backstory' ); ?></label></th>
					<td>
						<input type="password" class="regular-text code" id="backstory-webhook-secret" name="<?php echo esc_attr( OPTION ); ?>[webhook_secret]" value="" autocomplete="off" placeholder="<?php echo $has_secret ? esc_attr__( 'A secret is saved; type a new one to replace it', 'backstory' ) : 'whsec_…'; ?>" />
						<p class="description">
							<?php
							printf(
								/* translators: %s: the webhook URL */
								esc_html__( 'Give Backstory this endpoint: %s, and paste here the secret createWebhookEndpoint answers with.', 'backstory' ),
								'<code>' . esc_html( rest_url( 'backstory/v1/webhook' ) ) . '</code>'
							);
							?>
						</p>
					</td>
				</tr>
			</table>
			<?php submit_button(); ?>
		</form>
		<form method="post" action="<?php echo esc_url( admin_url( 'admin-post.php' ) ); ?>">
			<input type="hidden" name="action" value="backstory_test_connection" />
			<?php wp_nonce_field( 'backstory_test_connection' ); ?>
			<?php submit_button( __( 'Test connection', 'backstory' ), 'secondary', 'backstory-test-connection', false ); ?>
		</form>
	</div>
	<?php
}

function connection_result_key(): string {
	return 'backstory_connection_' . get_current_user_id();
}

/** Asks Backstory for a draft-visible list: it answers only when the URL is Backstory's and the key an editor's. */
function test_connection(): void {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'You may not change Backstory’s settings.', 'backstory' ), 403 );
	}
	check_admin_referer( 'backstory_test_connection' );

	$answer = \Backstory\Client\graphql( 'query BackstoryConnection { explainers(first: 1, preview: true) { nodes { slug } } }' );
	if ( is_wp_error( $answer ) ) {
		$result = array( 'ok' => false, 'message' => sprintf( /* translators: %s: the error */ __( 'Backstory did not answer as expected: %s', 'backstory' ), $answer->get_error_message() ) );
	} else {
		$result = array( 'ok' => true, 'message' => sprintf( /* translators: %s: the API URL */ __( 'Connected to Backstory at %s; the key may read drafts.', 'backstory' ), api_url() ) );
	}
	set_transient( connection_result_key(), $result, MINUTE_IN_SECONDS );
	wp_safe_redirect( admin_url( 'options-general.php?page=' . PAGE ) );
	exit;
}
