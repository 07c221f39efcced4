package io.servicedocs.load;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import tools.jackson.core.Version;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;
import tools.jackson.databind.introspect.AnnotatedMethod;
import tools.jackson.databind.introspect.AnnotatedWithParams;

/**
 * Calls the creators of records (their canonical constructors and {@code @JsonCreator} factories)
 * through a method handle that takes the argument array, made once per creator. Jackson calls a
 * creator with {@link MethodHandle#invokeWithArguments}, which on Java 17 builds a new spreading
 * handle on every call: at 1,000 products that was ~4% of a validation's CPU (issue 15). The
 * creator, its arguments, what it returns and how a failure is reported are Jackson's own: only
 * the call differs ({@link StdValueInstantiator#createFromObjectWith} otherwise as it is). A
 * creator whose handle cannot be made is called as Jackson calls it.
 */
final class SpreadCreators extends JacksonModule {

    @Override
    public String getModuleName() {
        return "servicedocs-spread-creators";
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public void setupModule(SetupContext context) {
        context.addValueInstantiators(new ValueInstantiators.Base() {
            @Override
            public ValueInstantiator modifyValueInstantiator(DeserializationConfig config,
                                                             BeanDescription.Supplier description,
                                                             ValueInstantiator instantiator) {
                if (instantiator.getClass() == StdValueInstantiator.class && instantiator.canCreateFromObjectWith()) {
                    AnnotatedWithParams creator = ((StdValueInstantiator) instantiator).getWithArgsCreator();
                    if (creator instanceof AnnotatedConstructor || creator instanceof AnnotatedMethod) {
                        return new Spreading((StdValueInstantiator) instantiator);
                    }
                }
                return instantiator;
            }
        });
    }

    /** Jackson's instantiator, its creator called through a spreading handle made at its first call. */
    static final class Spreading extends StdValueInstantiator {

        /** The handle, once made; {@link #UNAVAILABLE} when it cannot be (then Jackson's call). */
        private volatile MethodHandle spreader;

        Spreading(StdValueInstantiator source) {
            super(source);
        }

        @Override
        public Object createFromObjectWith(DeserializationContext context, Object[] arguments) {
            MethodHandle handle = spreader;
            if (handle == null) {
                handle = spreaderOf(_withArgsCreator);
                spreader = handle;
            }
            if (handle == UNAVAILABLE) {
                return super.createFromObjectWith(context, arguments);
            }
            try {
                return (Object) handle.invokeExact(arguments);
            } catch (Exception e) {
                // as StdValueInstantiator reports a creator's failure
                return context.handleInstantiationProblem(_valueClass, arguments, rewrapCtorProblem(context, e));
            } catch (Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e); // neither an Exception nor an Error: cannot be thrown
            }
        }
    }

    private static final MethodHandle UNAVAILABLE = MethodHandles.constant(Object.class, null);

    /**
     * {@code (Object[]) -> Object} for the creator, converting the arguments as invokeWithArguments
     * does (the generic type of as many Objects); {@link #UNAVAILABLE} when it cannot be made.
     */
    static MethodHandle spreaderOf(AnnotatedWithParams creator) {
        try {
            MethodHandle target;
            if (creator instanceof AnnotatedConstructor constructor) {
                Constructor<?> member = constructor.getAnnotated();
                target = MethodHandles.lookup().unreflectConstructor(member);
            } else if (creator instanceof AnnotatedMethod method) {
                Method member = method.getAnnotated();
                if (!java.lang.reflect.Modifier.isStatic(member.getModifiers())) {
                    return UNAVAILABLE;
                }
                target = MethodHandles.lookup().unreflect(member);
            } else {
                return UNAVAILABLE;
            }
            int count = target.type().parameterCount();
            return target.asType(MethodType.genericMethodType(count)).asSpreader(Object[].class, count);
        } catch (IllegalAccessException | RuntimeException e) {
            return UNAVAILABLE;
        }
    }
}
