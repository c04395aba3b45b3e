package org.broadside.store;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class of the persistence layer that is not named a repository: it reads or writes the store's tables in
 * SQL for the feature package it sits in (a bounce's effects in one transaction, the recipient state writer). The
 * architecture test lets JDBC appear only in {@code store}, in repositories and in classes carrying this mark, so
 * SQL never leaks into windows, commands or logic without someone deciding it here.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface DataAccess {}
