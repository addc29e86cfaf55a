<?php
/**
 * Standard Webhooks verification, against the specification's own example delivery
 * (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md).
 */

declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use function Backstory\WebhookSignature\verify;

final class WebhookSignatureTest extends TestCase {
	private const SECRET    = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
	private const ID        = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
	private const TIMESTAMP = '1614265330';
	private const BODY      = '{"test": 2432232314}';
	private const SIGNATURE = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';

	public function test_accepts_the_specifications_example(): void {
		$this->assertSame( '', verify( self::SECRET, self::ID, self::TIMESTAMP, self::SIGNATURE, self::BODY, (int) self::TIMESTAMP ) );
	}

	public function test_accepts_any_one_of_several_signatures(): void {
		$this->assertSame( '', verify( self::SECRET, self::ID, self::TIMESTAMP, 'v1,bm90IGl0 v1a,ignored ' . self::SIGNATURE, self::BODY, (int) self::TIMESTAMP ) );
	}

	public function test_refuses_a_changed_body_id_or_timestamp(): void {
		$this->assertSame( 'no matching signature', verify( self::SECRET, self::ID, self::TIMESTAMP, self::SIGNATURE, '{"test": 2432232315}', (int) self::TIMESTAMP ) );
		$this->assertSame( 'no matching signature', verify( self::SECRET, 'msg_other', self::TIMESTAMP, self::SIGNATURE, self::BODY, (int) self::TIMESTAMP ) );
		$this->assertSame( 'no matching signature', verify( self::SECRET, self::ID, '1614265331', self::SIGNATURE, self::BODY, 1614265331 ) );
	}

	public function test_refuses_a_timestamp_more_than_five_minutes_away(): void {
		$this->assertSame( '', verify( self::SECRET, self::ID, self::TIMESTAMP, self::SIGNATURE, self::BODY, (int) self::TIMESTAMP + 300 ) );
		$this->assertSame( 'timestamp outside tolerance', verify( self::SECRET, self::ID, self::TIMESTAMP, self::SIGNATURE, self::BODY, (int) self::TIMESTAMP + 301 ) );
		$this->assertSame( 'timestamp outside tolerance', verify( self::SECRET, self::ID, self::TIMESTAMP, self::SIGNATURE, self::BODY, (int) self::TIMESTAMP - 301 ) );
	}

	public function test_refuses_without_a_secret_or_headers(): void {
		$this->assertSame( 'no secret', verify( '', self::ID, self::TIMESTAMP, self::SIGNATURE, self::BODY, (int) self::TIMESTAMP ) );
		$this->assertSame( 'missing headers', verify( self::SECRET, '', self::TIMESTAMP, self::SIGNATURE, self::BODY, (int) self::TIMESTAMP ) );
		$this->assertSame( 'missing headers', verify( self::SECRET, self::ID, 'soon', self::SIGNATURE, self::BODY, (int) self::TIMESTAMP ) );
		$this->assertSame( 'missing headers', verify( self::SECRET, self::ID, self::TIMESTAMP, '', self::BODY, (int) self::TIMESTAMP ) );
	}
}
