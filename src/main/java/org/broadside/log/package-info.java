/** The connection log's helpers: server replies explained in plain words ({@link org.broadside.log.ReplyExplainer}). */
package org.broadside.log;
