<?php
/**
 * Deleting the plugin deletes what it kept: its settings (the key and the webhook secret among them), the
 * cached manifest, and the drafts it remembered on posts. The boxes in posts stay as markup.
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

delete_option( 'backstory_settings' );
delete_transient( 'backstory_manifest' );
delete_post_meta_by_key( '_backstory_draft' );
