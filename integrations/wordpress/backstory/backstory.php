<?php
/**
 * Plugin Name:       Backstory
 * Description:       Backstory context boxes in posts: a block, a shortcode and oEmbed; suggested boxes for what a post mentions; articles sent to Backstory as drafts; caches cleared when an explainer changes.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      8.2
 * License:           UNLICENSED
 * Text Domain:       backstory
 */

declare(strict_types=1);

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

const BACKSTORY_VERSION = '0.1.0';
const BACKSTORY_FILE    = __FILE__;

require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/client.php';
require_once __DIR__ . '/includes/widget-assets.php';
require_once __DIR__ . '/includes/box.php';
require_once __DIR__ . '/includes/oembed.php';
require_once __DIR__ . '/includes/proxy.php';
require_once __DIR__ . '/includes/editor.php';
require_once __DIR__ . '/includes/webhook-signature.php';
require_once __DIR__ . '/includes/webhook.php';

Backstory\Settings\register();
Backstory\Box\register();
Backstory\OEmbed\register();
Backstory\Proxy\register();
Backstory\Editor\register();
Backstory\Webhook\register();
