package dev.triage.bot.chat.teams;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Bot Connector's token on an inbound activity ("Authentication with the Bot Connector API",
 * learn.microsoft.com): {@code Authorization: Bearer <JWT>}, RS256 by a key of the OpenID metadata's JWKS,
 * {@code iss} = {@value #ISSUER}, {@code aud} = the app id, {@code exp} and {@code nbf} with five minutes of skew.
 * The token is checked before the body is read; what binds it to the body (its {@code serviceUrl} claim, and the
 * key's endorsement for the activity's channel) is checked by {@link Verdict.Verified#admits} once the body is
 * parsed.
 */
final class InboundAuth {
    static final String ISSUER = "https://api.botframework.com";
    static final int SKEW_SECONDS = 300;
    private static final String SERVICE_URL = "serviceUrl";

    private final SigningKeys keys;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    InboundAuth(String appId, SigningKeys keys, Clock clock) {
        this.keys = keys;
        processor.setJWSKeySelector((header, context) -> {
            if (!JWSAlgorithm.RS256.equals(header.getAlgorithm()) || header.getKeyID() == null) {
                return List.of();
            }
            return keys.key(header.getKeyID()).map(k -> List.of(k.publicKey())).orElse(List.of());
        });
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(appId,
                new JWTClaimsSet.Builder().issuer(ISSUER).build(), Set.of("exp", SERVICE_URL)) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        claims.setMaxClockSkew(SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** Whether a request carries a valid token, and if not, why not (for the log; never told to the caller). */
    sealed interface Verdict {
        /** No bearer token at all: 401. */
        record Missing() implements Verdict {
        }

        /** A token that fails a check: 403. */
        record Refused(String reason) implements Verdict {
        }

        /** The keys could not be fetched, so the token cannot be judged: 503, and the platform tries again. */
        record Unavailable(String reason) implements Verdict {
        }

        /** A valid token: the service URL it was issued for and the key that signed it. */
        record Verified(String serviceUrl, SigningKeys.Key key) implements Verdict {
            /** Empty when the activity is the one the token vouches for; else why not. */
            Optional<String> admits(Activity activity) {
                if (!serviceUrl.equals(activity.serviceUrl())) {
                    return Optional.of("the token's serviceUrl is not the activity's");
                }
                if (!key.endorsements().contains(activity.channelId())) {
                    return Optional.of("the signing key is not endorsed for channel '" + activity.channelId() + "'");
                }
                return Optional.empty();
            }
        }
    }

    Verdict verify(Optional<String> authorization) {
        if (authorization.isEmpty() || !authorization.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Verdict.Missing();
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(authorization.get().substring(7).strip());
            claims = processor.process(jwt, null);
        } catch (ParseException e) {
            return new Verdict.Refused("not a signed JWT");
        } catch (BadJOSEException e) {
            if (!keys.available()) {
                return new Verdict.Unavailable("the signing keys could not be fetched");
            }
            return new Verdict.Refused(e.getMessage());
        } catch (JOSEException e) {
            return new Verdict.Refused("the signature could not be checked: " + e.getMessage());
        }
        Optional<SigningKeys.Key> key = keys.key(jwt.getHeader().getKeyID());
        if (!(claims.getClaim(SERVICE_URL) instanceof String url) || key.isEmpty()) {
            return new Verdict.Refused("no serviceUrl claim");
        }
        return new Verdict.Verified(url, key.get());
    }
}
