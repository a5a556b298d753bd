package dev.playfield.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenID Connect provider for tests: an RSA key pair made here, its public half served as a
 * JWKS document by a real HTTP server on 127.0.0.1, and identity tokens signed with the private
 * half (or with a stranger's key under the same key id, for a forged signature).
 */
final class LocalIdentityProvider implements AutoCloseable {

  static final String ISSUER = "https://id.test.example";
  static final String AUDIENCE = "playfield-test-game";
  private static final String KEY_ID = "test-key-1";

  private final HttpServer server;
  private final JWTAuth signer;
  private final JWTAuth stranger;
  private final AtomicInteger jwksRequests = new AtomicInteger();

  private LocalIdentityProvider(Vertx vertx, KeyPair keys) {
    JsonObject jwks = new JsonObject().put("keys", new JsonArray().add(publicJwk((RSAPublicKey) keys.getPublic())));
    this.server = vertx.createHttpServer().requestHandler(request -> {
      jwksRequests.incrementAndGet();
      request.response().putHeader("content-type", "application/json").end(jwks.encode());
    }).listen(0, "127.0.0.1").await();
    this.signer = signerOf(vertx, keys);
    this.stranger = signerOf(vertx, newKeyPair());
  }

  static LocalIdentityProvider start(Vertx vertx) {
    return new LocalIdentityProvider(vertx, newKeyPair());
  }

  String jwksUrl() {
    return "http://127.0.0.1:" + server.actualPort() + "/jwks.json";
  }

  int jwksRequests() {
    return jwksRequests.get();
  }

  /** A token for {@code subject} from this provider for this game, valid for an hour. */
  String token(String subject, String name) {
    return sign(signer, claims(subject, name, Instant.now().plusSeconds(3600)), ISSUER, AUDIENCE);
  }

  String expiredToken(String subject) {
    return sign(signer, claims(subject, "", Instant.now().minusSeconds(60)), ISSUER, AUDIENCE);
  }

  String tokenFrom(String issuer, String subject) {
    return sign(signer, claims(subject, "", Instant.now().plusSeconds(3600)), issuer, AUDIENCE);
  }

  String tokenFor(String audience, String subject) {
    return sign(signer, claims(subject, "", Instant.now().plusSeconds(3600)), ISSUER, audience);
  }

  /** Everything right but the signature: made with another key that claims this provider's key id. */
  String forgedToken(String subject) {
    return sign(stranger, claims(subject, "", Instant.now().plusSeconds(3600)), ISSUER, AUDIENCE);
  }

  @Override
  public void close() {
    server.close().await();
  }

  private static JsonObject claims(String subject, String name, Instant expires) {
    JsonObject claims = new JsonObject().put("sub", subject).put("exp", expires.getEpochSecond())
        .put("iat", Instant.now().getEpochSecond() - 120);
    return name.isEmpty() ? claims : claims.put("name", name);
  }

  private static String sign(JWTAuth with, JsonObject claims, String issuer, String audience) {
    return with.generateToken(claims, new JWTOptions().setAlgorithm("RS256").setIssuer(issuer)
        .addAudience(audience).setNoTimestamp(true));
  }

  private static JWTAuth signerOf(Vertx vertx, KeyPair keys) {
    String pem = "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    return JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("RS256").setId(KEY_ID).setBuffer(pem)));
  }

  private static JsonObject publicJwk(RSAPublicKey key) {
    return new JsonObject().put("kty", "RSA").put("use", "sig").put("alg", "RS256").put("kid", KEY_ID)
        .put("n", base64Url(key.getModulus())).put("e", base64Url(key.getPublicExponent()));
  }

  private static String base64Url(BigInteger value) {
    byte[] bytes = value.toByteArray();
    // BigInteger adds a sign byte when the top bit is set; a JWK holds the unsigned magnitude.
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
